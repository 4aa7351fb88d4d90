#!/usr/bin/env bash
# Runs every test project of GardenerMetal.sln and prints one closing line
# "tests: N passed, N failed" built from the TRX results. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
results=.local/test-results
rm -rf "$results" && mkdir -p "$results"
dotnet build GardenerMetal.sln -nologo -v minimal || { echo "tests: 0 passed, 1 failed"; exit 1; }
dotnet test GardenerMetal.sln --no-build -nologo --logger "trx" --results-directory "$results" \
  -- RunConfiguration.TestSessionTimeout=1500000 "$@"
rc=$?
python3 hack/trx-summary.py "$results" || rc=1
exit $rc
