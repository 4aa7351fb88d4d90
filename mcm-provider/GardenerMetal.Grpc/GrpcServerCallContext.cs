namespace GardenerMetal.Grpc;

/// <summary>What a service handler knows about its call.</summary>
public sealed class GrpcServerCallContext
{
    private readonly Func<GrpcMetadata> _readRequestHeaders;
    private GrpcMetadata? _requestHeaders;
    private GrpcMetadata? _responseHeaders;
    private GrpcMetadata? _responseTrailers;

    internal GrpcServerCallContext(string method, Func<GrpcMetadata> readRequestHeaders, DateTime? deadline, CancellationToken cancellationToken)
    {
        Method = method;
        _readRequestHeaders = readRequestHeaders;
        Deadline = deadline;
        CancellationToken = cancellationToken;
    }

    /// <summary>The called path, <c>/{service}/{method}</c>.</summary>
    public string Method { get; }

    /// <summary>The request metadata.</summary>
    public GrpcMetadata RequestHeaders => _requestHeaders ??= _readRequestHeaders();

    /// <summary>The deadline from grpc-timeout (UTC), or null.</summary>
    public DateTime? Deadline { get; }

    /// <summary>Fires when the deadline passes or the client cancels or disconnects.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Metadata sent with the response headers.</summary>
    public GrpcMetadata ResponseHeaders => _responseHeaders ??= new GrpcMetadata();

    /// <summary>Metadata sent with the trailers (with the status).</summary>
    public GrpcMetadata ResponseTrailers => _responseTrailers ??= new GrpcMetadata();

    internal bool HasResponseHeaders => _responseHeaders is { Count: > 0 };

    internal bool HasResponseTrailers => _responseTrailers is { Count: > 0 };
}
