"""A python-grpcio Echo server (gmtest.v1.Echo) for interop tests.

usage: echo_server.py STUBS_DIR ADDRESS   (ADDRESS: 127.0.0.1:0 or unix:/abs/path)
Prints "READY <port>" once serving; stops when stdin closes.
"""
import sys
import time
from concurrent import futures

sys.path.insert(0, sys.argv[1])
import grpc  # noqa: E402
import grpc._common  # noqa: E402
import echo_pb2  # noqa: E402
import echo_pb2_grpc  # noqa: E402


class _RawCode:
    """A status code grpc.StatusCode does not know (e.g. MCM's Uninitialized = 17)."""

    def __init__(self, number):
        self.value = (number, "raw")

    def __hash__(self):
        return hash(("raw", self.value[0]))

    def __eq__(self, other):
        return isinstance(other, _RawCode) and other.value == self.value


def to_code(number):
    for code in grpc.StatusCode:
        if code.value[0] == number:
            return code
    raw = _RawCode(number)
    # grpcio only maps its own enum to wire codes; teach it this one number.
    grpc._common.STATUS_CODE_TO_CYGRPC_STATUS_CODE[raw] = number
    return raw


class Echo(echo_pb2_grpc.EchoServicer):
    def Echo(self, request, context):
        deadline = time.time() + request.delay_ms / 1000.0
        while time.time() < deadline:
            if not context.is_active():
                return echo_pb2.EchoResponse()
            time.sleep(0.01)
        metadata = {}
        for key, value in context.invocation_metadata():
            if key.startswith("x-"):
                metadata[key] = value.hex() if isinstance(value, bytes) else value
        if request.fail_code:
            context.set_trailing_metadata((("echo-trailer", "failed"),))
            context.abort(to_code(request.fail_code), request.fail_message)
        context.send_initial_metadata((("echo-header", "h"),))
        context.set_trailing_metadata((("echo-trailer", "t"),))
        return echo_pb2.EchoResponse(
            text=request.text,
            metadata=metadata,
            payload_size=len(request.payload),
            payload=b"x" * request.reply_payload_size,
        )


def main():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    echo_pb2_grpc.add_EchoServicer_to_server(Echo(), server)
    port = server.add_insecure_port(sys.argv[2])
    server.start()
    print(f"READY {port}", flush=True)
    sys.stdin.read()
    server.stop(0)


if __name__ == "__main__":
    main()
