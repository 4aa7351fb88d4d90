using System.Net;
using GardenerMetal.Grpc.Tests.Echo;
using GardenerMetal.Mcm.Transport;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.Grpc.Tests;

/// <summary>The driver transport (Grpc.AspNetCore server with the driver's settings, Grpc.Net.Client channel) end to end.</summary>
public sealed class TransportTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    public static TheoryData<bool> Transports => new() { false, true };

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task UnaryCall_EchoWithMetadata_ReturnsResponseHeadersAndTrailers(bool unixSocket)
    {
        // Arrange
        await using var server = await StartAsync(new EchoService(), unixSocket);
        using var channel = DriverChannel.Create(server.Address);
        var client = new Echo.Echo.EchoClient(channel);
        var headers = new Metadata { { "x-text", "v1" }, { "x-blob-bin", [0x00, 0xff] } };

        // Act
        using var call = client.EchoAsync(
            new EchoRequest { Text = "hello", Payload = Google.Protobuf.ByteString.CopyFromUtf8("abc"), ReplyPayloadSize = 10 },
            headers,
            DateTime.UtcNow.AddSeconds(10));
        var response = await call.WaitAsync(Bound);
        var responseHeaders = await call.ResponseHeadersAsync.WaitAsync(Bound);

        // Assert
        Assert.Equal("hello", response.Text);
        Assert.Equal(3, response.PayloadSize);
        Assert.Equal(10, response.Payload.Length);
        Assert.Equal("v1", response.Metadata["x-text"]);
        Assert.Equal("00ff", response.Metadata["x-blob-bin"]);
        Assert.Equal("True", response.Metadata["deadline-set"]);
        Assert.Equal("h", responseHeaders.GetValue("echo-header"));
        Assert.Equal("t", call.GetTrailers().GetValue("echo-trailer"));
    }

    [Theory]
    [InlineData(StatusCode.NotFound, "machine not found: größe 100%")]
    [InlineData(StatusCode.ResourceExhausted, "partition is exhausted")]
    [InlineData(McmStatusCodes.Uninitialized, "machine needs initialization")]
    [InlineData(StatusCode.Unauthenticated, "")]
    public async Task UnaryCall_HandlerThrowsStatus_ClientSeesCodeDetailAndTrailers(StatusCode code, string detail)
    {
        // Arrange
        await using var server = await StartAsync(new EchoService(), unixSocket: true);
        using var channel = DriverChannel.Create(server.Address);

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new Echo.Echo.EchoClient(channel).EchoAsync(new EchoRequest { FailCode = (int)code, FailMessage = detail }).WaitAsync(Bound));

        // Assert
        Assert.Equal(code, error.StatusCode);
        Assert.Equal(detail, error.Status.Detail);
        Assert.Equal("failed", error.Trailers.GetValue("echo-trailer"));
    }

    [Fact]
    public async Task UnaryCall_HandlerThrowsStatusWithHugeDetail_DetailCappedCodeKept()
    {
        // Arrange: e.g. a 20 kB machine name echoed into an error message.
        await using var server = await StartAsync(new EchoService(), unixSocket: true);
        using var channel = DriverChannel.Create(server.Address);
        var detail = "no metal machine named '" + new string('m', 20_000) + "'";

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new Echo.Echo.EchoClient(channel).EchoAsync(new EchoRequest { FailCode = (int)StatusCode.NotFound, FailMessage = detail }).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal(DriverServerOptions.MaxStatusDetailLength, error.Status.Detail.Length);
        Assert.StartsWith("no metal machine named 'mmm", error.Status.Detail, StringComparison.Ordinal);
        Assert.EndsWith("(truncated)", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnaryCall_HandlerThrowsOtherException_UnknownWithoutInternalDetailAndStaticLogLine()
    {
        // Arrange
        var logs = new CapturingLoggerProvider();
        await using var server = await StartAsync(new EchoService(), unixSocket: false, logs: logs);
        using var channel = DriverChannel.Create(server.Address);

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new Echo.Echo.EchoClient(channel).EchoAsync(new EchoRequest { Text = "throw" }).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.DoesNotContain("secret-internal-detail", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(logs.Lines, l => l.Contains("System.InvalidOperationException", StringComparison.Ordinal) && l.Contains("/gmtest.v1.Echo/Echo", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("secret-internal-detail", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnaryCall_UnknownMethod_Unimplemented()
    {
        // Arrange
        await using var server = await StartAsync(new EchoService(), unixSocket: true);
        using var channel = DriverChannel.Create(server.Address);

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.CreateCallInvoker().AsyncUnaryCall(EchoService.MissingMethod, null, default, new EchoRequest()).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task UnaryCall_DeadlineShorterThanHandler_DeadlineExceededAndHandlerCancelled()
    {
        // Arrange
        var echo = new EchoService();
        await using var server = await StartAsync(echo, unixSocket: true);
        using var channel = DriverChannel.Create(server.Address);
        var client = new Echo.Echo.EchoClient(channel);
        await client.EchoAsync(new EchoRequest { Text = "warm-up" }).WaitAsync(Bound); // connected, so the deadline races only the handler

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.EchoAsync(new EchoRequest { DelayMs = 10_000 }, deadline: DateTime.UtcNow.AddSeconds(1)).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        await echo.HandlerCancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task UnaryCall_ServerDeadlineFiresFirst_ClientReadsDeadlineExceededFromServer()
    {
        // Arrange: the server's deadline (from grpc-timeout) ends the call; the client never cancels.
        var echo = new EchoService();
        await using var server = await StartAsync(echo, unixSocket: false);
        using var http = new HttpClient(new SocketsHttpHandler()) { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        var body = new byte[] { 0, 0, 0, 0, 3, 0x20, 0x88, 0x27 }; // delay_ms = 5000
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://{server.Address.EndPoint}/gmtest.v1.Echo/Echo")
        {
            Content = new ByteArrayContent(body),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.TryAddWithoutValidation("content-type", "application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
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
        using var channel = DriverChannel.Create(server.Address);
        using var cts = new CancellationTokenSource();

        // Act: cancel once the handler runs, so the cancellation has to travel to the server.
        using var call = new Echo.Echo.EchoClient(channel).EchoAsync(new EchoRequest { DelayMs = 10_000 }, cancellationToken: cts.Token);
        await echo.HandlerStarted.Task.WaitAsync(Bound);
        await cts.CancelAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await echo.HandlerCancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task UnaryCall_RequestOverServerLimit_ResourceExhausted()
    {
        // Arrange
        await using var server = await StartAsync(new EchoService(), unixSocket: true, new DriverServerOptions { MaxReceiveMessageSize = 1024 });
        using var channel = DriverChannel.Create(server.Address);

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new Echo.Echo.EchoClient(channel).EchoAsync(new EchoRequest { Payload = Google.Protobuf.ByteString.CopyFrom(new byte[4096]) }).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task UnaryCall_ResponseOverServerSendLimit_ResourceExhausted()
    {
        // Arrange
        await using var server = await StartAsync(new EchoService(), unixSocket: true, new DriverServerOptions { MaxSendMessageSize = 1024 });
        using var channel = DriverChannel.Create(server.Address);

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new Echo.Echo.EchoClient(channel).EchoAsync(new EchoRequest { ReplyPayloadSize = 4096 }).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task UnaryCall_ResponseOverClientLimit_ResourceExhausted()
    {
        // Arrange
        await using var server = await StartAsync(new EchoService(), unixSocket: false);
        using var channel = DriverChannel.Create(server.Address, new DriverChannelOptions { MaxReceiveMessageSize = 1024 });

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new Echo.Echo.EchoClient(channel).EchoAsync(new EchoRequest { ReplyPayloadSize = 64 * 1024 }).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task UnaryCall_RequestOverClientSendLimit_ResourceExhaustedAndHandlerNeverRuns()
    {
        // Arrange
        var echo = new EchoService();
        await using var server = await StartAsync(echo, unixSocket: true);
        using var channel = DriverChannel.Create(server.Address, new DriverChannelOptions { MaxSendMessageSize = 16 });

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new Echo.Echo.EchoClient(channel).EchoAsync(new EchoRequest { Text = new string('a', 100), DelayMs = 1 }).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.False(echo.HandlerStarted.Task.IsCompleted);
    }

    [Fact]
    public async Task UnaryCall_NobodyListening_Unavailable()
    {
        // Arrange
        using var channel = DriverChannel.Create(GrpcEndpointAddress.ForUnixSocket(TestPaths.NewSocketPath()));

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new Echo.Echo.EchoClient(channel).EchoAsync(new EchoRequest()).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task UnaryCall_DeadlineAlreadyPassed_DeadlineExceeded()
    {
        // Arrange
        using var channel = DriverChannel.Create(GrpcEndpointAddress.ForUnixSocket(TestPaths.NewSocketPath()));

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new Echo.Echo.EchoClient(channel).EchoAsync(new EchoRequest(), deadline: DateTime.UtcNow.AddSeconds(-1)).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Server_NonGrpcContentType_Http415(bool unixSocket)
    {
        // Arrange
        await using var server = await StartAsync(new EchoService(), unixSocket);
        using var http = new HttpMessageInvoker(new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = unixSocket
                    ? new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified)
                    : new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                await socket.ConnectAsync(unixSocket ? new System.Net.Sockets.UnixDomainSocketEndPoint(server.Address.SocketPath!) : server.Address.EndPoint!, ct);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://localhost/gmtest.v1.Echo/Echo")
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        // Act
        using var response = await http.SendAsync(request, CancellationToken.None).WaitAsync(Bound);

        // Assert
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task UnaryCall_ManyConcurrentCalls_AllSucceed()
    {
        // Arrange
        await using var server = await StartAsync(new EchoService(), unixSocket: true);
        using var channel = DriverChannel.Create(server.Address);
        var client = new Echo.Echo.EchoClient(channel);

        // Act
        var replies = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            client.EchoAsync(new EchoRequest { Text = $"m{i}" }).ResponseAsync)).WaitAsync(Bound);

        // Assert
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"m{i}"), replies.Select(r => r.Text));
    }

    [Fact]
    public void ListenGrpc_NonLoopbackWithoutOptIn_ClearErrorNamingTheFlag()
    {
        // Arrange
        var kestrel = new Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions();

        // Act
        var error = Assert.Throws<ArgumentException>(() => kestrel.ListenGrpc(GrpcEndpointAddress.Parse("0.0.0.0:9000")));
        kestrel.ListenGrpc(GrpcEndpointAddress.Parse("127.0.0.1:9000"));

        // Assert
        Assert.Contains("--driver-listen", error.Message, StringComparison.Ordinal);
        Assert.Contains("--driver-listen-allow-remote", error.Message, StringComparison.Ordinal);
    }

    internal static Task<DriverGrpcServer> StartAsync(EchoService echo, bool unixSocket, DriverServerOptions? options = null, CapturingLoggerProvider? logs = null)
    {
        var address = unixSocket
            ? GrpcEndpointAddress.ForUnixSocket(TestPaths.NewSocketPath())
            : GrpcEndpointAddress.Parse("127.0.0.1:0");
        return DriverGrpcServer.StartAsync(address, echo, options, logs is null ? null : (Action<ILoggingBuilder>)(l => l.AddProvider(logs))).WaitAsync(Bound);
    }
}
