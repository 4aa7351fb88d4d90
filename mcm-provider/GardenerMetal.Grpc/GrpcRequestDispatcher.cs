using System.Buffers;
using System.Collections.Frozen;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.Grpc;

/// <summary>
/// Serves unary gRPC calls on an ASP.NET Core (Kestrel HTTP/2) request: framing, grpc-timeout
/// deadlines, metadata, message size limits, and the status in trailers (or in the headers of a
/// trailers-only response). Unknown paths answer Unimplemented.
/// </summary>
public sealed partial class GrpcRequestDispatcher
{
    private readonly FrozenDictionary<string, IGrpcMethodHandler> _handlers;
    private readonly GrpcServerOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates a dispatcher for the given services.</summary>
    public GrpcRequestDispatcher(IEnumerable<GrpcServiceDefinition> services, GrpcServerOptions options, ILogger<GrpcRequestDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        if (options.MaxReceiveMessageSize <= 0)
        {
            throw new ArgumentException("MaxReceiveMessageSize must be positive", nameof(options));
        }

        var handlers = new Dictionary<string, IGrpcMethodHandler>(StringComparer.Ordinal);
        foreach (var handler in services.SelectMany(s => s.Handlers))
        {
            if (!handlers.TryAdd(handler.Path, handler))
            {
                throw new ArgumentException($"method {handler.Path} is bound twice", nameof(services));
            }
        }

        _handlers = handlers.ToFrozenDictionary(StringComparer.Ordinal);
        _options = options;
        _logger = logger;
    }

    /// <summary>Whether a request is a gRPC call (content-type application/grpc…).</summary>
    public static bool IsGrpcRequest(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return GrpcProtocol.IsGrpcContentType(context.Request.ContentType);
    }

    /// <summary>Handles one request to completion.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var response = context.Response;
        if (!HttpMethods.IsPost(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        if (!GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        if (!HttpProtocol.IsHttp2(request.Protocol))
        {
            response.StatusCode = StatusCodes.Status426UpgradeRequired;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcProtocol.ContentType;
        var path = request.Path.Value ?? string.Empty;
        if (!_handlers.TryGetValue(path, out var handler))
        {
            WriteTrailersOnly(response, new GrpcStatus(GrpcStatusCode.Unimplemented, $"Method {path} is unimplemented."), null, null);
            return;
        }

        TimeSpan? timeout = null;
        string? timeoutHeader = request.Headers[GrpcProtocol.TimeoutHeader];
        if (timeoutHeader is not null)
        {
            if (!GrpcProtocol.TryParseTimeout(timeoutHeader, out var parsed))
            {
                WriteTrailersOnly(response, new GrpcStatus(GrpcStatusCode.Internal, $"Invalid grpc-timeout header value '{timeoutHeader}'."), null, null);
                return;
            }

            timeout = parsed;
        }

        string? encoding = request.Headers[GrpcProtocol.EncodingHeader];
        var compressionAnnounced = encoding is not null && !string.Equals(encoding, "identity", StringComparison.OrdinalIgnoreCase);

        DateTime? deadline = timeout is { } t ? DateTime.UtcNow + t : null;
        using var deadlineCts = timeout is null ? null : new CancellationTokenSource();
        if (timeout is { } delay)
        {
            deadlineCts!.CancelAfter(delay <= TimeSpan.Zero ? TimeSpan.Zero : delay);
        }

        // One token for the handler: the deadline source, also cancelled when the client goes away.
        using var abortRegistration = deadlineCts is null
            ? default
            : context.RequestAborted.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), deadlineCts);
        var callToken = deadlineCts?.Token ?? context.RequestAborted;
        var headerSource = request.Headers;
        var callContext = new GrpcServerCallContext(path, () => ReadRequestHeaders(headerSource), deadline, callToken);

        GrpcStatus status;
        IMessage? reply = null;
        try
        {
            var message = await ReadRequestAsync(request, handler, compressionAnnounced, callToken);
            var invocation = handler.InvokeAsync(message, callContext);
            try
            {
                reply = await invocation.WaitAsync(callToken);
            }
            catch (OperationCanceledException) when (!invocation.IsCompleted)
            {
                // The handler outlived the deadline or the client; observe its outcome later.
                _ = invocation.ContinueWith(static task => _ = task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                throw;
            }

            status = GrpcStatus.Ok;
        }
        catch (RpcException ex)
        {
            status = ex.Status;
            foreach (var entry in ex.Trailers)
            {
                AddEntry(callContext.ResponseTrailers, entry);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client cancelled or went away: there is nobody to answer.
            LogClientCancelled(_logger, path);
            return;
        }
        catch (OperationCanceledException) when (deadlineCts is { IsCancellationRequested: true })
        {
            status = new GrpcStatus(GrpcStatusCode.DeadlineExceeded, "Deadline Exceeded");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogHandlerFailed(_logger, path, ex);
            status = new GrpcStatus(GrpcStatusCode.Unknown, "Exception was thrown by handler.");
        }

        if (reply is not null && status.Code == GrpcStatusCode.OK)
        {
            var size = reply.CalculateSize();
            if (_options.MaxSendMessageSize is { } maxSend && size > maxSend)
            {
                status = new GrpcStatus(GrpcStatusCode.ResourceExhausted, $"Sending message exceeds the maximum configured message size ({size} vs. {maxSend}).");
            }
            else
            {
                if (callContext.HasResponseHeaders)
                {
                    AppendMetadata(response.Headers, callContext.ResponseHeaders);
                }

                var writer = response.BodyWriter;
                GrpcProtocol.WriteHeader(writer.GetSpan(GrpcProtocol.HeaderSize), size);
                writer.Advance(GrpcProtocol.HeaderSize);
                reply.WriteTo(writer);
                await writer.FlushAsync(context.RequestAborted);
                response.AppendTrailer(GrpcProtocol.StatusTrailer, "0");
                if (callContext.HasResponseTrailers)
                {
                    foreach (var entry in callContext.ResponseTrailers)
                    {
                        response.AppendTrailer(entry.Key, GrpcMetadata.ToWire(entry));
                    }
                }

                return;
            }
        }

        WriteTrailersOnly(
            response,
            status,
            callContext.HasResponseHeaders ? callContext.ResponseHeaders : null,
            callContext.HasResponseTrailers ? callContext.ResponseTrailers : null);
    }

    private async Task<IMessage> ReadRequestAsync(HttpRequest request, IGrpcMethodHandler handler, bool compressionAnnounced, CancellationToken cancellationToken)
    {
        var reader = request.BodyReader;
        var max = _options.MaxReceiveMessageSize;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length >= GrpcProtocol.HeaderSize)
            {
                var declared = GrpcProtocol.ReadDeclaredLength(buffer);
                if (declared > (uint)max)
                {
                    reader.AdvanceTo(buffer.End);
                    throw new RpcException(GrpcStatusCode.ResourceExhausted, $"Received message larger than max ({declared} vs. {max}).");
                }
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                try
                {
                    if (GrpcProtocol.TryReadSingleMessage(buffer, max, compressionAnnounced, out var payload) is { } error)
                    {
                        throw new RpcException(error);
                    }

                    return handler.Parse(payload);
                }
                finally
                {
                    reader.AdvanceTo(buffer.End);
                }
            }

            if (buffer.Length > (long)max + GrpcProtocol.HeaderSize)
            {
                reader.AdvanceTo(buffer.End);
                throw new RpcException(GrpcStatusCode.Internal, "More than one message received; a unary call takes exactly one.");
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static GrpcMetadata ReadRequestHeaders(IHeaderDictionary headers)
    {
        var metadata = new GrpcMetadata();
        foreach (var header in headers)
        {
            if (GrpcProtocol.IsReservedHeader(header.Key))
            {
                continue;
            }

            foreach (var value in header.Value)
            {
                if (value is not null)
                {
                    metadata.TryAddFromWire(header.Key, value);
                }
            }
        }

        return metadata;
    }

    private static void WriteTrailersOnly(HttpResponse response, GrpcStatus status, GrpcMetadata? headers, GrpcMetadata? trailers)
    {
        if (response.HasStarted)
        {
            response.AppendTrailer(GrpcProtocol.StatusTrailer, ((int)status.Code).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (status.Detail.Length > 0)
            {
                response.AppendTrailer(GrpcProtocol.MessageTrailer, GrpcProtocol.EncodeMessage(status.Detail));
            }

            return;
        }

        if (headers is not null)
        {
            AppendMetadata(response.Headers, headers);
        }

        if (trailers is not null)
        {
            AppendMetadata(response.Headers, trailers);
        }

        response.Headers[GrpcProtocol.StatusTrailer] = ((int)status.Code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (status.Detail.Length > 0)
        {
            response.Headers[GrpcProtocol.MessageTrailer] = GrpcProtocol.EncodeMessage(status.Detail);
        }
    }

    private static void AppendMetadata(IHeaderDictionary target, GrpcMetadata metadata)
    {
        foreach (var entry in metadata)
        {
            target.Append(entry.Key, GrpcMetadata.ToWire(entry));
        }
    }

    private static void AddEntry(GrpcMetadata target, GrpcMetadataEntry entry)
    {
        if (entry.IsBinary)
        {
            target.Add(entry.Key, entry.ValueBytes.Span);
        }
        else
        {
            target.Add(entry.Key, entry.Value);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "gRPC handler failed for {Method}")]
    private static partial void LogHandlerFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "gRPC call to {Method} cancelled by the client")]
    private static partial void LogClientCancelled(ILogger logger, string method);
}
