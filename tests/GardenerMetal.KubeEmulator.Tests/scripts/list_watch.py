"""Lists and watches a custom resource with python3-kubernetes against the emulator.

Usage: list_watch.py GROUP VERSION NAMESPACE PLURAL WATCH_SECONDS
Prints one JSON line per step: {"list": [names], "rv": "..."} then {"event": TYPE, "name": ..., "rv": ...}
for each watch event until WATCH_SECONDS passed or a DELETED event arrived. KUBECONFIG selects the server.
"""
import json
import sys

from kubernetes import client, config, watch


def main():
    group, version, namespace, plural, seconds = sys.argv[1:6]
    config.load_kube_config()
    api = client.CustomObjectsApi()
    listed = api.list_namespaced_custom_object(group, version, namespace, plural)
    rv = listed["metadata"]["resourceVersion"]
    print(json.dumps({"list": [i["metadata"]["name"] for i in listed["items"]], "rv": rv}), flush=True)
    w = watch.Watch()
    for event in w.stream(api.list_namespaced_custom_object, group, version, namespace, plural,
                          resource_version=rv, timeout_seconds=int(seconds)):
        obj = event["object"]
        print(json.dumps({"event": event["type"], "name": obj["metadata"]["name"],
                          "rv": obj["metadata"]["resourceVersion"]}), flush=True)
        if event["type"] == "DELETED":
            w.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
