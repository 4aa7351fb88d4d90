using System.Text.Json;
using GardenerMetal.Grpc.Tests.Echo;

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
        await using var server = await GrpcServer.StartAsync(address, [new EchoService().Bind()]).WaitAsync(Bound);
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
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task OurClient_CallsPythonServer_EchoMetadataAndTrailers(bool unixSocket)
    {
        // Arrange
        await using var server = await PythonEchoServer.StartAsync(unixSocket ? TestPaths.NewSocketPath() : null).WaitAsync(Bound);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var headers = new GrpcMetadata { { "x-text", "v1" }, { "x-blob-bin", [0x00, 0xff, 0x10] } };

        // Act
        var result = await channel.UnaryCallWithMetadataAsync(
            EchoService.EchoMethod,
            new EchoRequest { Text = "hello", Payload = Google.Protobuf.ByteString.CopyFromUtf8("abcd"), ReplyPayloadSize = 100_000 },
            new GrpcCallOptions { Headers = headers, Deadline = DateTime.UtcNow.AddSeconds(20) }).WaitAsync(Bound);

        // Assert
        Assert.Equal("hello", result.Response.Text);
        Assert.Equal(4, result.Response.PayloadSize);
        Assert.Equal(100_000, result.Response.Payload.Length);
        Assert.Equal("v1", result.Response.Metadata["x-text"]);
        Assert.Equal("00ff10", result.Response.Metadata["x-blob-bin"]);
        Assert.Equal("h", result.ResponseHeaders.GetValue("echo-header"));
        Assert.Equal("t", result.Trailers.GetValue("echo-trailer"));
    }

    [Theory]
    [InlineData(false, GrpcStatusCode.NotFound, "machine not found: größe 100%")]
    [InlineData(true, GrpcStatusCode.ResourceExhausted, "no machine left in partition")]
    [InlineData(true, GrpcStatusCode.Uninitialized, "machine needs initialization")]
    public async Task OurClient_PythonServerAborts_StatusCodeAndDetailRead(bool unixSocket, GrpcStatusCode code, string detail)
    {
        // Arrange
        await using var server = await PythonEchoServer.StartAsync(unixSocket ? TestPaths.NewSocketPath() : null).WaitAsync(Bound);
        using var channel = GrpcChannel.ForAddress(server.Address);

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryCallAsync(EchoService.EchoMethod, new EchoRequest { FailCode = (int)code, FailMessage = detail }, GrpcCallOptions.WithTimeout(TimeSpan.FromSeconds(20))).WaitAsync(Bound));

        // Assert
        Assert.Equal(code, error.StatusCode);
        Assert.Equal(detail, error.Status.Detail);
    }

    [Fact]
    public async Task OurClient_PythonServerSlowerThanDeadline_DeadlineExceeded()
    {
        // Arrange
        await using var server = await PythonEchoServer.StartAsync(TestPaths.NewSocketPath()).WaitAsync(Bound);
        using var channel = GrpcChannel.ForAddress(server.Address);

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryCallAsync(EchoService.EchoMethod, new EchoRequest { DelayMs = 5000 }, GrpcCallOptions.WithTimeout(TimeSpan.FromMilliseconds(300))).WaitAsync(Bound));

        // Assert
        Assert.Equal(GrpcStatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task OurClient_PythonServerUnknownMethod_Unimplemented()
    {
        // Arrange
        await using var server = await PythonEchoServer.StartAsync(null).WaitAsync(Bound);
        using var channel = GrpcChannel.ForAddress(server.Address);

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryCallAsync(EchoService.MissingMethod, new EchoRequest(), GrpcCallOptions.WithTimeout(TimeSpan.FromSeconds(20))).WaitAsync(Bound));

        // Assert
        Assert.Equal(GrpcStatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task OurClient_PythonServerResponseOverLimit_ResourceExhausted()
    {
        // Arrange
        await using var server = await PythonEchoServer.StartAsync(null).WaitAsync(Bound);
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { MaxReceiveMessageSize = 1024 });

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryCallAsync(EchoService.EchoMethod, new EchoRequest { ReplyPayloadSize = 10_000 }, GrpcCallOptions.WithTimeout(TimeSpan.FromSeconds(20))).WaitAsync(Bound));

        // Assert
        Assert.Equal(GrpcStatusCode.ResourceExhausted, error.StatusCode);
    }
}
