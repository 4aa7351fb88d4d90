"""A python-grpcio client calling our server's gmtest.v1.Echo; prints one JSON object of results.

usage: echo_client.py STUBS_DIR TARGET   (TARGET: 127.0.0.1:PORT or unix:/abs/path)
"""
import json
import sys

sys.path.insert(0, sys.argv[1])
import grpc  # noqa: E402
import echo_pb2  # noqa: E402
import echo_pb2_grpc  # noqa: E402


class _RawCode:
    """A status code grpc.StatusCode does not know (MCM's Uninitialized = 17)."""

    def __init__(self, number):
        self.value = (number, "raw")


def status(err):
    return {"code": err.code().value[0], "details": err.details(),
            "trailers": {k: v for k, v in (err.trailing_metadata() or ())}}


def main():
    results = {}
    options = [("grpc.max_receive_message_length", 64 * 1024 * 1024)]
    with grpc.insecure_channel(sys.argv[2], options=options) as channel:
        stub = echo_pb2_grpc.EchoStub(channel)

        reply, call = stub.Echo.with_call(
            echo_pb2.EchoRequest(text="hello", payload=b"abc", reply_payload_size=10),
            metadata=(("x-text", "v1"), ("x-blob-bin", b"\x00\xff")),
            timeout=10)
        results["echo"] = {
            "text": reply.text, "metadata": dict(reply.metadata), "payload_size": reply.payload_size,
            "reply_payload": len(reply.payload),
            "headers": {k: v for k, v in call.initial_metadata()},
            "trailers": {k: v for k, v in call.trailing_metadata()},
            "code": call.code().value[0]}

        try:
            stub.Echo(echo_pb2.EchoRequest(fail_code=5, fail_message="machine not found: größe 100%"), timeout=10)
            results["not_found"] = {"code": 0}
        except grpc.RpcError as err:
            results["not_found"] = status(err)

        try:
            stub.Echo(echo_pb2.EchoRequest(delay_ms=5000), timeout=0.3)
            results["deadline"] = {"code": 0}
        except grpc.RpcError as err:
            results["deadline"] = status(err)

        missing = channel.unary_unary("/gmtest.v1.Echo/Missing",
                                      request_serializer=echo_pb2.EchoRequest.SerializeToString,
                                      response_deserializer=echo_pb2.EchoResponse.FromString)
        try:
            missing(echo_pb2.EchoRequest(), timeout=10)
            results["unimplemented"] = {"code": 0}
        except grpc.RpcError as err:
            results["unimplemented"] = status(err)

        try:
            stub.Echo(echo_pb2.EchoRequest(payload=b"y" * (5 * 1024 * 1024)), timeout=10)
            results["too_large"] = {"code": 0}
        except grpc.RpcError as err:
            results["too_large"] = status(err)

        try:
            stub.Echo(echo_pb2.EchoRequest(fail_code=13, fail_message="boom"), timeout=10)
            results["internal"] = {"code": 0}
        except grpc.RpcError as err:
            results["internal"] = status(err)

        # MCM's Uninitialized (17): grpcio 1.51 has no StatusCode member for it and reports UNKNOWN ...
        try:
            stub.Echo(echo_pb2.EchoRequest(fail_code=17, fail_message="machine needs initialization"), timeout=10)
            results["uninitialized_unmapped"] = {"code": 0}
        except grpc.RpcError as err:
            results["uninitialized_unmapped"] = status(err)

        # ... unless the client maps the wire number, as an MCM client must.
        grpc._common.CYGRPC_STATUS_CODE_TO_STATUS_CODE[17] = _RawCode(17)
        try:
            stub.Echo(echo_pb2.EchoRequest(fail_code=17, fail_message="machine needs initialization"), timeout=10)
            results["uninitialized_mapped"] = {"code": 0}
        except grpc.RpcError as err:
            results["uninitialized_mapped"] = status(err)
        del grpc._common.CYGRPC_STATUS_CODE_TO_STATUS_CODE[17]

    print(json.dumps(results), flush=True)


if __name__ == "__main__":
    main()
