"""A python-grpcio client of mcm.driver.v1.Driver (stubs generated from driver.proto at test time).

usage: driver_client.py STUBS_DIR TARGET
Prints one JSON object with the results of CreateMachine, GetMachineStatus, ListMachines and InitializeMachine.
"""
import json
import sys

sys.path.insert(0, sys.argv[1])
import grpc  # noqa: E402
from mcm.driver.v1 import driver_pb2, driver_pb2_grpc  # noqa: E402


def main():
    out = {}
    with grpc.insecure_channel(sys.argv[2]) as channel:
        stub = driver_pb2_grpc.DriverStub(channel)
        created = stub.CreateMachine(driver_pb2.CreateMachineRequest(
            machine_name="worker-0", provider_spec=b'{"a":1}',
            secret={"userData": b"#cloud-config", "metalAPIURL": b"http://x"}), timeout=10)
        out["create"] = {"provider_id": created.provider_id, "node_name": created.node_name,
                         "last_known_state": created.last_known_state}
        try:
            stub.GetMachineStatus(driver_pb2.GetMachineStatusRequest(machine_name="worker-0", provider_id=created.provider_id), timeout=10)
            out["status"] = {"ok": True}
        except grpc.RpcError as err:
            code = err.code()
            out["status"] = {"ok": False, "details": err.details(), "code": None if code is None else code.value[0]}
        listed = stub.ListMachines(driver_pb2.ListMachinesRequest(provider_spec=b"{}"), timeout=10)
        out["list"] = dict(listed.machines)
        try:
            stub.InitializeMachine(driver_pb2.InitializeMachineRequest(machine_name="worker-0"), timeout=10)
            out["initialize"] = {"code": 0}
        except grpc.RpcError as err:
            out["initialize"] = {"code": err.code().value[0]}
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
