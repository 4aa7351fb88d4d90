using System.Net;
using GardenerMetal.Grpc.Tests.Echo;

namespace GardenerMetal.Grpc.Tests;

public sealed class GrpcChannelTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    public static TheoryData<bool> Transports => new() { false, true };

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task UnaryCall_EchoWithMetadata_ReturnsResponseHeadersAndTrailers(bool unixSocket)
    {
        // Arrange
        var echo = new EchoService();
        await using var server = await StartAsync(echo, unixSocket);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var headers = new GrpcMetadata { { "x-text", "v1" }, { "x-blob-bin", [0x00, 0xff] } };

        // Act
        var result = await channel.UnaryCallWithMetadataAsync(
            EchoService.EchoMethod,
            new EchoRequest { Text = "hello", Payload = Google.Protobuf.ByteString.CopyFromUtf8("abc"), ReplyPayloadSize = 10 },
            new GrpcCallOptions { Headers = headers, Deadline = DateTime.UtcNow.AddSeconds(10) }).WaitAsync(Bound);

        // Assert
        Assert.Equal("hello", result.Response.Text);
        Assert.Equal(3, result.Response.PayloadSize);
        Assert.Equal(10, result.Response.Payload.Length);
        Assert.Equal("v1", result.Response.Metadata["x-text"]);
        Assert.Equal("00ff", result.Response.Metadata["x-blob-bin"]);
        Assert.Equal("True", result.Response.Metadata["deadline-set"]);
        Assert.Equal("h", result.ResponseHeaders.GetValue("echo-header"));
        Assert.Equal("t", result.Trailers.GetValue("echo-trailer"));
    }

    [Theory]
    [InlineData(GrpcStatusCode.NotFound, "machine not found: größe 100%")]
    [InlineData(GrpcStatusCode.ResourceExhausted, "partition is exhausted")]
    [InlineData(GrpcStatusCode.Uninitialized, "machine needs initialization")]
    [InlineData(GrpcStatusCode.Unauthenticated, "")]
    public async Task UnaryCall_HandlerThrowsStatus_ClientSeesCodeDetailAndTrailers(GrpcStatusCode code, string detail)
    {
        // Arrange
        await using var server = await StartAsync(new EchoService(), unixSocket: true);
        using var channel = GrpcChannel.ForAddress(server.Address);

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryCallAsync(EchoService.EchoMethod, new EchoRequest { FailCode = (int)code, FailMessage = detail }).WaitAsync(Bound));

        // Assert
        Assert.Equal(code, error.StatusCode);
        Assert.Equal(detail, error.Status.Detail);
        Assert.Equal("failed", error.Trailers.GetValue("echo-trailer"));
    }

    [Fact]
    public async Task UnaryCall_HandlerThrowsOtherException_UnknownWithoutInternalDetail()
    {
        // Arrange
        await using var server = await StartAsync(new EchoService(), unixSocket: false);
        using var channel = GrpcChannel.ForAddress(server.Address);

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryCallAsync(EchoService.EchoMethod, new EchoRequest { Text = "throw" }).WaitAsync(Bound));

        // Assert
        Assert.Equal(GrpcStatusCode.Unknown, error.StatusCode);
        Assert.DoesNotContain("secret-internal-detail", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnaryCall_UnknownMethod_Unimplemented()
    {
        // Arrange
        await using var server = await StartAsync(new EchoService(), unixSocket: true);
        using var channel = GrpcChannel.ForAddress(server.Address);

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryCallAsync(EchoService.MissingMethod, new EchoRequest()).WaitAsync(Bound));

        // Assert
        Assert.Equal(GrpcStatusCode.Unimplemented, error.StatusCode);
        Assert.Contains("/gmtest.v1.Echo/Missing", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnaryCall_DeadlineShorterThanHandler_DeadlineExceededAndHandlerCancelled()
    {
        // Arrange
        var echo = new EchoService();
        await using var server = await StartAsync(echo, unixSocket: true);
        using var channel = GrpcChannel.ForAddress(server.Address);
        await channel.UnaryCallAsync(EchoService.EchoMethod, new EchoRequest { Text = "warm-up" }).WaitAsync(Bound); // connected, so the deadline races only the handler

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryCallAsync(EchoService.EchoMethod, new EchoRequest { DelayMs = 10_000 }, GrpcCallOptions.WithTimeout(TimeSpan.FromSeconds(1))).WaitAsync(Bound));

        // Assert
        Assert.Equal(GrpcStatusCode.DeadlineExceeded, error.StatusCode);
        await echo.HandlerCancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task UnaryCall_ServerDeadlineFiresFirst_ClientReadsDeadlineExceededFromServer()
    {
        // Arrange: the server's deadline (from grpc-timeout) ends the call; the client's token never fires.
        var echo = new EchoService();
        await using var server = await StartAsync(echo, unixSocket: false);
        using var channel = GrpcChannel.ForAddress(server.Address);
        using var http = new HttpClient(new SocketsHttpHandler()) { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        var body = new byte[] { 0, 0, 0, 0, 3, 0x20, 0x88, 0x27 }; // delay_ms = 5000
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://{server.Address.EndPoint}/gmtest.v1.Echo/Echo")
        {
            Content = new ByteArrayContent(body),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.TryAddWithoutValidation("content-type", "application/grpc");
        request.Headers.TryAddWithoutValidation("grpc-timeout", "1S"); // long enough for the handler to start on a cold server

        // Act
        using var response = await http.SendAsync(request).WaitAsync(Bound);
        await response.Content.ReadAsByteArrayAsync().WaitAsync(Bound);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = response.Headers.TryGetValues("grpc-status", out var h) ? h.First() : response.TrailingHeaders.GetValues("grpc-status").First();
        Assert.Equal("4", status);
        await echo.HandlerCancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task UnaryCall_CallerCancels_CancelledAndHandlerCancelled()
    {
        // Arrange
        var echo = new EchoService();
        await using var server = await StartAsync(echo, unixSocket: true);
        using var channel = GrpcChannel.ForAddress(server.Address);
        using var cts = new CancellationTokenSource();

        // Act: cancel once the handler runs, so the cancellation has to travel to the server.
        var call = channel.UnaryCallAsync(EchoService.EchoMethod, new EchoRequest { DelayMs = 10_000 }, new GrpcCallOptions { CancellationToken = cts.Token });
        await echo.HandlerStarted.Task.WaitAsync(Bound);
        await cts.CancelAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.WaitAsync(Bound));

        // Assert
        Assert.Equal(GrpcStatusCode.Cancelled, error.StatusCode);
        await echo.HandlerCancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task UnaryCall_RequestOverServerLimit_ResourceExhausted()
    {
        // Arrange
        await using var server = await StartAsync(new EchoService(), unixSocket: true, new GrpcServerOptions { MaxReceiveMessageSize = 1024 });
        using var channel = GrpcChannel.ForAddress(server.Address);

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryCallAsync(EchoService.EchoMethod, new EchoRequest { Payload = Google.Protobuf.ByteString.CopyFrom(new byte[4096]) }).WaitAsync(Bound));

        // Assert
        Assert.Equal(GrpcStatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task UnaryCall_ResponseOverServerSendLimit_ResourceExhausted()
    {
        // Arrange
        await using var server = await StartAsync(new EchoService(), unixSocket: true, new GrpcServerOptions { MaxSendMessageSize = 1024 });
        using var channel = GrpcChannel.ForAddress(server.Address);

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryCallAsync(EchoService.EchoMethod, new EchoRequest { ReplyPayloadSize = 4096 }).WaitAsync(Bound));

        // Assert
        Assert.Equal(GrpcStatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task UnaryCall_ResponseOverClientLimit_ResourceExhausted()
    {
        // Arrange
        await using var server = await StartAsync(new EchoService(), unixSocket: false);
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { MaxReceiveMessageSize = 1024 });

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryCallAsync(EchoService.EchoMethod, new EchoRequest { ReplyPayloadSize = 64 * 1024 }).WaitAsync(Bound));

        // Assert
        Assert.Equal(GrpcStatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task UnaryCall_RequestOverClientSendLimit_ResourceExhaustedBeforeSending()
    {
        // Arrange: no server at all; the limit must trip first.
        using var channel = GrpcChannel.ForAddress(GrpcEndpointAddress.ForUnixSocket(TestPaths.NewSocketPath()), new GrpcChannelOptions { MaxSendMessageSize = 16 });

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryCallAsync(EchoService.EchoMethod, new EchoRequest { Text = new string('a', 100) }).WaitAsync(Bound));

        // Assert
        Assert.Equal(GrpcStatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task UnaryCall_NobodyListening_Unavailable()
    {
        // Arrange
        using var channel = GrpcChannel.ForAddress(GrpcEndpointAddress.ForUnixSocket(TestPaths.NewSocketPath()));

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryCallAsync(EchoService.EchoMethod, new EchoRequest()).WaitAsync(Bound));

        // Assert
        Assert.Equal(GrpcStatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task UnaryCall_DeadlineAlreadyPassed_DeadlineExceededWithoutCall()
    {
        // Arrange
        using var channel = GrpcChannel.ForAddress(GrpcEndpointAddress.ForUnixSocket(TestPaths.NewSocketPath()));

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryCallAsync(EchoService.EchoMethod, new EchoRequest(), new GrpcCallOptions { Deadline = DateTime.UtcNow.AddSeconds(-1) }).WaitAsync(Bound));

        // Assert
        Assert.Equal(GrpcStatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task HandleAsync_NonGrpcContentType_Http415()
    {
        // Arrange
        await using var server = await StartAsync(new EchoService(), unixSocket: false);
        using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        // Act
        using var response = await http.PostAsync(new Uri($"http://{server.Address.EndPoint}/gmtest.v1.Echo/Echo"), new StringContent("{}")).WaitAsync(Bound);

        // Assert
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task UnaryCall_ManyConcurrentCalls_AllSucceed()
    {
        // Arrange
        await using var server = await StartAsync(new EchoService(), unixSocket: true);
        using var channel = GrpcChannel.ForAddress(server.Address);

        // Act
        var replies = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            channel.UnaryCallAsync(EchoService.EchoMethod, new EchoRequest { Text = $"m{i}" }))).WaitAsync(Bound);

        // Assert
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"m{i}"), replies.Select(r => r.Text));
    }

    private static Task<GrpcServer> StartAsync(EchoService echo, bool unixSocket, GrpcServerOptions? options = null)
    {
        var address = unixSocket
            ? GrpcEndpointAddress.ForUnixSocket(TestPaths.NewSocketPath())
            : GrpcEndpointAddress.Parse("127.0.0.1:0");
        return GrpcServer.StartAsync(address, [echo.Bind()], options).WaitAsync(Bound);
    }
}
