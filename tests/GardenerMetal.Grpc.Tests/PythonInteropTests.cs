using System.Text.Json;
using GardenerMetal.Grpc.Tests.Echo;
using GardenerMetal.Mcm.Transport;
using Grpc.Core;

namespace GardenerMetal.Grpc.Tests;

/// <summary>Interop with the real python3-grpcio implementation, both directions, TCP and unix socket.</summary>
public sealed class PythonInteropTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public static TheoryData<bool> Transports => new() { false, true };

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task PythonClient_CallsOurServer_AllCasesBehaveAsGrpc(bool unixSocket)
    {
        // Arrange
        var address = unixSocket ? GrpcEndpointAddress.ForUnixSocket(TestPaths.NewSocketPath()) : GrpcEndpointAddress.Parse("127.0.0.1:0");
        await using var server = await DriverGrpcServer.StartAsync(address, new EchoService()).WaitAsync(Bound);
        var stubs = await PythonGrpc.StubsAsync().WaitAsync(Bound);
        var target = unixSocket ? "unix:" + server.Address.SocketPath : server.Address.ToString();

        // Act
        var (code, stdout, stderr) = await PythonGrpc.RunAsync([Path.Combine(TestPaths.Python, "echo_client.py"), stubs, target], Bound).WaitAsync(Bound);

        // Assert
        Assert.True(code == 0, $"python client failed ({code}): {stderr}");
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        var echo = root.GetProperty("echo");
        Assert.Equal("hello", echo.GetProperty("text").GetString());
        Assert.Equal("v1", echo.GetProperty("metadata").GetProperty("x-text").GetString());
        Assert.Equal("00ff", echo.GetProperty("metadata").GetProperty("x-blob-bin").GetString());
        Assert.Equal("True", echo.GetProperty("metadata").GetProperty("deadline-set").GetString());
        Assert.Equal(3, echo.GetProperty("payload_size").GetInt32());
        Assert.Equal(10, echo.GetProperty("reply_payload").GetInt32());
        Assert.Equal("h", echo.GetProperty("headers").GetProperty("echo-header").GetString());
        Assert.Equal("t", echo.GetProperty("trailers").GetProperty("echo-trailer").GetString());
        Assert.Equal(0, echo.GetProperty("code").GetInt32());

        var notFound = root.GetProperty("not_found");
        Assert.Equal(5, notFound.GetProperty("code").GetInt32());
        Assert.Equal("machine not found: größe 100%", notFound.GetProperty("details").GetString());
        Assert.Equal("failed", notFound.GetProperty("trailers").GetProperty("echo-trailer").GetString());

        Assert.Equal(4, root.GetProperty("deadline").GetProperty("code").GetInt32());
        Assert.Equal(12, root.GetProperty("unimplemented").GetProperty("code").GetInt32());
        Assert.Equal(8, root.GetProperty("too_large").GetProperty("code").GetInt32());
        Assert.Equal(13, root.GetProperty("internal").GetProperty("code").GetInt32());
        Assert.Equal("boom", root.GetProperty("internal").GetProperty("details").GetString());

        // grpcio 1.51 knows only 0-16: unmapped, MCM's 17 reads as UNKNOWN; a client that maps the number reads 17.
        Assert.Equal(2, root.GetProperty("uninitialized_unmapped").GetProperty("code").GetInt32());
        Assert.Equal(17, root.GetProperty("uninitialized_mapped").GetProperty("code").GetInt32());
        Assert.Equal("machine needs initialization", root.GetProperty("uninitialized_mapped").GetProperty("details").GetString());
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task OurClient_CallsPythonServer_EchoMetadataAndTrailers(bool unixSocket)
    {
        // Arrange
        await using var server = await PythonEchoServer.StartAsync(unixSocket ? TestPaths.NewSocketPath() : null).WaitAsync(Bound);
        using var channel = DriverChannel.Create(server.Address);
        var headers = new Metadata { { "x-text", "v1" }, { "x-blob-bin", [0x00, 0xff, 0x10] } };

        // Act
        using var call = new Echo.Echo.EchoClient(channel).EchoAsync(
            new EchoRequest { Text = "hello", Payload = Google.Protobuf.ByteString.CopyFromUtf8("abcd"), ReplyPayloadSize = 100_000 },
            headers,
            DateTime.UtcNow.AddSeconds(20));
        var response = await call.WaitAsync(Bound);
        var responseHeaders = await call.ResponseHeadersAsync.WaitAsync(Bound);

        // Assert
        Assert.Equal("hello", response.Text);
        Assert.Equal(4, response.PayloadSize);
        Assert.Equal(100_000, response.Payload.Length);
        Assert.Equal("v1", response.Metadata["x-text"]);
        Assert.Equal("00ff10", response.Metadata["x-blob-bin"]);
        Assert.Equal("h", responseHeaders.GetValue("echo-header"));
        Assert.Equal("t", call.GetTrailers().GetValue("echo-trailer"));
    }

    [Theory]
    [InlineData(false, StatusCode.NotFound, "machine not found: größe 100%")]
    [InlineData(true, StatusCode.ResourceExhausted, "no machine left in partition")]
    [InlineData(true, McmStatusCodes.Uninitialized, "machine needs initialization")]
    [InlineData(false, McmStatusCodes.Uninitialized, "machine needs initialization")]
    public async Task OurClient_PythonServerAborts_StatusCodeAndDetailRead(bool unixSocket, StatusCode code, string detail)
    {
        // Arrange
        await using var server = await PythonEchoServer.StartAsync(unixSocket ? TestPaths.NewSocketPath() : null).WaitAsync(Bound);
        using var channel = DriverChannel.Create(server.Address);

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new Echo.Echo.EchoClient(channel).EchoAsync(new EchoRequest { FailCode = (int)code, FailMessage = detail }, deadline: DateTime.UtcNow.AddSeconds(20)).WaitAsync(Bound));

        // Assert
        Assert.Equal(code, error.StatusCode);
        Assert.Equal(detail, error.Status.Detail);
    }

    [Fact]
    public async Task OurClient_PythonServerSlowerThanDeadline_DeadlineExceeded()
    {
        // Arrange
        await using var server = await PythonEchoServer.StartAsync(TestPaths.NewSocketPath()).WaitAsync(Bound);
        using var channel = DriverChannel.Create(server.Address);

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new Echo.Echo.EchoClient(channel).EchoAsync(new EchoRequest { DelayMs = 5000 }, deadline: DateTime.UtcNow.AddMilliseconds(300)).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task OurClient_PythonServerUnknownMethod_Unimplemented()
    {
        // Arrange
        await using var server = await PythonEchoServer.StartAsync(null).WaitAsync(Bound);
        using var channel = DriverChannel.Create(server.Address);

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.CreateCallInvoker().AsyncUnaryCall(EchoService.MissingMethod, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(20)), new EchoRequest()).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task OurClient_PythonServerResponseOverLimit_ResourceExhausted()
    {
        // Arrange
        await using var server = await PythonEchoServer.StartAsync(null).WaitAsync(Bound);
        using var channel = DriverChannel.Create(server.Address, new DriverChannelOptions { MaxReceiveMessageSize = 1024 });

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new Echo.Echo.EchoClient(channel).EchoAsync(new EchoRequest { ReplyPayloadSize = 10_000 }, deadline: DateTime.UtcNow.AddSeconds(20)).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }
}
