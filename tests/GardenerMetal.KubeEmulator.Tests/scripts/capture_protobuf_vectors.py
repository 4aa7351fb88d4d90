#!/usr/bin/python3
"""Capture protobuf request bodies that real kubectl sends, as golden vectors for the emulator's decoder.

For every case, kubectl runs twice with the same arguments:
  * `--dry-run=server -v=9` against a running emulator (KUBECONFIG): kubectl logs the protobuf request body as a
    hex dump before sending it; that dump becomes <case>.pb;
  * `--dry-run=client -o json`: kubectl prints the same object as JSON; that becomes <case>.json.
The decoder must turn <case>.pb into <case>.json (Go prints the unset creationTimestamp as null; the decoder leaves
it out). Usage: KUBECONFIG=.local/kubeconfig capture_protobuf_vectors.py OUTDIR   (the emulator from `make seed`;
the namespace vectors-ns must exist: kubectl create namespace vectors-ns).
"""
import json
import os
import subprocess
import sys
import tempfile

NS = "vectors-ns"


def cases(blob_path):
    return {
        "namespace": ["create", "namespace", "team-a"],
        "configmap-literal": ["create", "configmap", "settings", "-n", NS, "--from-literal=a=b", "--from-literal=greeting=hello world"],
        "configmap-binary": ["create", "configmap", "blobs", "-n", NS, f"--from-file=blob={blob_path}", "--from-literal=text=plain"],
        "configmap-save-config": ["create", "configmap", "annotated", "-n", NS, "--from-literal=a=b", "--save-config"],
        "secret-generic": ["create", "secret", "generic", "creds", "-n", NS, "--from-literal=username=admin", "--from-literal=password=s3cr=t", "--type=example.com/creds"],
        "secret-docker-registry": ["create", "secret", "docker-registry", "pull", "-n", NS, "--docker-server=registry.example", "--docker-username=u", "--docker-password=p"],
        "serviceaccount": ["create", "serviceaccount", "robot", "-n", NS],
        "service-clusterip": ["create", "service", "clusterip", "web", "-n", NS, "--tcp=80:http", "--tcp=443:8443"],
        "service-nodeport": ["create", "service", "nodeport", "np", "-n", NS, "--tcp=80:8080", "--node-port=30080"],
        "service-loadbalancer": ["create", "service", "loadbalancer", "lb", "-n", NS, "--tcp=80:8080"],
        "service-externalname": ["create", "service", "externalname", "ext", "-n", NS, "--external-name=db.example.com"],
    }


def hex_dump_body(stderr):
    lines = stderr.splitlines()
    for i, line in enumerate(lines):
        if '"Request Body" body=<' in line:
            data = bytearray()
            for dump in lines[i + 1:]:
                if dump.strip() == ">":
                    return bytes(data)
                tokens = dump.split("|", 1)[0].split()
                data.extend(bytes.fromhex("".join(tokens[1:])))
    raise SystemExit("kubectl logged no hex-dumped request body:\n" + stderr)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        blob = os.path.join(tmp, "blob")
        with open(blob, "wb") as f:
            f.write(bytes(range(256)))
        commands = []
        for name, args in cases(blob).items():
            sent = subprocess.run(["kubectl", *args, "--dry-run=server", "-v=9"], capture_output=True, text=True)
            body = hex_dump_body(sent.stderr)
            printed = subprocess.run(["kubectl", *args, "--dry-run=client", "-o", "json"], capture_output=True, text=True, check=True)
            with open(os.path.join(out, name + ".pb"), "wb") as f:
                f.write(body)
            with open(os.path.join(out, name + ".json"), "w") as f:
                json.dump(json.loads(printed.stdout), f, indent=2, sort_keys=True)
                f.write("\n")
            commands.append(f"{name}: kubectl {' '.join(a.replace(blob, '<256 bytes 0x00..0xff>') for a in args)}")
        version = subprocess.run(["kubectl", "version", "--client"], capture_output=True, text=True, check=True).stdout.splitlines()[0]
        with open(os.path.join(out, "commands.txt"), "w") as f:
            f.write(f"# Captured with {version} by scripts/capture_protobuf_vectors.py\n")
            f.write("\n".join(commands) + "\n")


if __name__ == "__main__":
    main()
