using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Google.Protobuf;

namespace GardenerMetal.Grpc;

/// <summary>
/// The client side: unary calls over one HTTP/2 connection pool (prior-knowledge h2c) to a TCP or
/// unix socket address. Thread-safe; create one per target and reuse it.
/// Non-OK statuses surface as <see cref="RpcException"/>, including MCM's Uninitialized (17).
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    private static readonly MediaTypeHeaderValue GrpcContentType = new(GrpcProtocol.ContentType);
    private readonly HttpMessageInvoker _invoker;
    private readonly GrpcChannelOptions _options;
    private readonly Uri _baseUri;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Uri> _uris = new(StringComparer.Ordinal);

    private GrpcChannel(GrpcEndpointAddress address, GrpcChannelOptions options)
    {
        Address = address;
        _options = options;
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        if (address.SocketPath is { } path)
        {
            handler.ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
            _baseUri = new Uri("http://localhost");
        }
        else
        {
            _baseUri = new Uri("http://" + address.EndPoint);
        }

        _invoker = new HttpMessageInvoker(handler, disposeHandler: true);
    }

    /// <summary>The target address.</summary>
    public GrpcEndpointAddress Address { get; }

    /// <summary>A channel to <paramref name="address"/>.</summary>
    public static GrpcChannel ForAddress(GrpcEndpointAddress address, GrpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new GrpcChannel(address, options ?? new GrpcChannelOptions());
    }

    /// <summary>A channel to an address string (<c>unix:///path</c> or <c>host:port</c>).</summary>
    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null) =>
        ForAddress(GrpcEndpointAddress.Parse(address, nameof(address)), options);

    /// <summary>Calls a unary method and returns its response; throws <see cref="RpcException"/> on a non-OK status.</summary>
    public async Task<TResponse> UnaryCallAsync<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, GrpcCallOptions? options = null)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> =>
        (await UnaryCallWithMetadataAsync(method, request, options)).Response;

    /// <summary>Calls a unary method and returns its response with response headers and trailers.</summary>
    public async Task<GrpcCallResult<TResponse>> UnaryCallWithMetadataAsync<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, GrpcCallOptions? options = null)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(request);
        options ??= new GrpcCallOptions();
        var cancellation = options.CancellationToken;
        cancellation.ThrowIfCancellationRequested();

        TimeSpan? timeout = null;
        if (options.Deadline is { } deadline)
        {
            var remaining = deadline.ToUniversalTime() - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new RpcException(GrpcStatusCode.DeadlineExceeded, "Deadline Exceeded");
            }

            timeout = remaining;
        }

        var size = request.CalculateSize();
        if (_options.MaxSendMessageSize is { } maxSend && size > maxSend)
        {
            throw new RpcException(GrpcStatusCode.ResourceExhausted, $"Sending message exceeds the maximum configured message size ({size} vs. {maxSend}).");
        }

        var payload = new byte[GrpcProtocol.HeaderSize + size];
        GrpcProtocol.WriteHeader(payload, size);
        request.WriteTo(payload.AsSpan(GrpcProtocol.HeaderSize));

        using var httpRequest = new HttpRequestMessage(HttpMethod.Post, _uris.GetOrAdd(method.Path, static (path, baseUri) => new Uri(baseUri, path), _baseUri))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(payload),
        };
        httpRequest.Content.Headers.ContentType = GrpcContentType;
        httpRequest.Headers.TryAddWithoutValidation("te", "trailers");
        httpRequest.Headers.TryAddWithoutValidation("user-agent", GrpcProtocol.UserAgent);
        httpRequest.Headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, "identity");
        if (timeout is { } t)
        {
            httpRequest.Headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcProtocol.FormatTimeout(t));
        }

        if (options.Headers is { } headers)
        {
            foreach (var entry in headers)
            {
                httpRequest.Headers.TryAddWithoutValidation(entry.Key, GrpcMetadata.ToWire(entry));
            }
        }

        using var deadlineCts = timeout is null ? null : new CancellationTokenSource(timeout.Value);
        using var callCts = deadlineCts is not null && cancellation.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellation, deadlineCts.Token)
            : null;
        var callToken = callCts?.Token ?? deadlineCts?.Token ?? cancellation;
        try
        {
            using var response = await _invoker.SendAsync(httpRequest, callToken);
            return await ReadResponseAsync(method, response, callToken);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw new RpcException(GrpcStatusCode.Cancelled, "Call cancelled by the caller.");
        }
        catch (OperationCanceledException) when (deadlineCts is { IsCancellationRequested: true })
        {
            throw new RpcException(GrpcStatusCode.DeadlineExceeded, "Deadline Exceeded");
        }
        catch (HttpRequestException ex)
        {
            throw new RpcException(new GrpcStatus(GrpcStatusCode.Unavailable, $"Error connecting to {Address}: {ex.Message}"), new GrpcMetadata());
        }
        catch (IOException ex)
        {
            throw new RpcException(new GrpcStatus(GrpcStatusCode.Unavailable, $"Connection to {Address} failed: {ex.Message}"), new GrpcMetadata());
        }
    }

    /// <inheritdoc />
    public void Dispose() => _invoker.Dispose();

    private async Task<GrpcCallResult<TResponse>> ReadResponseAsync<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, HttpResponseMessage response, CancellationToken cancellationToken)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new RpcException(GrpcProtocol.FromHttpStatus(response.StatusCode), $"Bad gRPC response. HTTP status code: {(int)response.StatusCode}");
        }

        var headers = ToMetadata(response.Headers);

        // Trailers-only: the status is in the headers and there is no body.
        if (TryReadStatus(response.Headers, out var headerStatus))
        {
            if (headerStatus.Code == GrpcStatusCode.OK)
            {
                throw new RpcException(GrpcStatusCode.Internal, "Failed to deserialize response message: the response has no message.");
            }

            throw new RpcException(headerStatus, headers);
        }

        var contentType = response.Content.Headers.ContentType?.ToString();
        if (!GrpcProtocol.IsGrpcContentType(contentType))
        {
            throw new RpcException(GrpcStatusCode.Cancelled, $"Bad gRPC response. Invalid content-type value: {contentType}");
        }

        var body = await ReadBodyAsync(response, cancellationToken);
        var trailers = ToMetadata(response.TrailingHeaders);
        if (!TryReadStatus(response.TrailingHeaders, out var status))
        {
            throw new RpcException(GrpcStatusCode.Cancelled, "No grpc-status found on response.");
        }

        if (status.Code != GrpcStatusCode.OK)
        {
            throw new RpcException(status, trailers);
        }

        var error = GrpcProtocol.TryReadSingleMessage(body, _options.MaxReceiveMessageSize, compressionAllowed: false, out var payload);
        if (error is { } framing)
        {
            throw new RpcException(framing);
        }

        try
        {
            return new GrpcCallResult<TResponse>(method.ResponseParser.ParseFrom(payload), headers, trailers);
        }
        catch (InvalidProtocolBufferException)
        {
            throw new RpcException(GrpcStatusCode.Internal, $"Failed to deserialize the response message of {method.Path}.");
        }
    }

    private async Task<ReadOnlySequence<byte>> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var max = (long)_options.MaxReceiveMessageSize + GrpcProtocol.HeaderSize;
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(4 * 1024);
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(chunk.AsMemory(), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                buffer.Write(chunk, 0, read);
                if (buffer.Length >= GrpcProtocol.HeaderSize)
                {
                    var declared = BinaryPrimitives.ReadUInt32BigEndian(buffer.GetBuffer().AsSpan(1, 4));
                    if (declared > (uint)_options.MaxReceiveMessageSize)
                    {
                        throw new RpcException(GrpcStatusCode.ResourceExhausted, $"Received message larger than max ({declared} vs. {_options.MaxReceiveMessageSize}).");
                    }
                }

                if (buffer.Length > max)
                {
                    throw new RpcException(GrpcStatusCode.Internal, "More than one message received; a unary call takes exactly one.");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new ReadOnlySequence<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static bool TryReadStatus(HttpHeaders headers, out GrpcStatus status)
    {
        status = default;
        if (!headers.TryGetValues(GrpcProtocol.StatusTrailer, out var values))
        {
            return false;
        }

        var raw = values.FirstOrDefault();
        if (!GrpcProtocol.TryParseStatusCode(raw, out var code))
        {
            status = new GrpcStatus(GrpcStatusCode.Unknown, $"Unexpected grpc-status value '{raw}'.");
            return true;
        }

        var message = headers.TryGetValues(GrpcProtocol.MessageTrailer, out var messages) ? messages.FirstOrDefault() : null;
        status = new GrpcStatus(code, GrpcProtocol.DecodeMessage(message));
        return true;
    }

    private static GrpcMetadata ToMetadata(HttpHeaders headers)
    {
        var metadata = new GrpcMetadata();
        foreach (var header in headers.NonValidated)
        {
            if (GrpcProtocol.IsReservedHeader(header.Key))
            {
                continue;
            }

            foreach (var value in header.Value)
            {
                metadata.TryAddFromWire(header.Key, value);
            }
        }

        return metadata;
    }
}
