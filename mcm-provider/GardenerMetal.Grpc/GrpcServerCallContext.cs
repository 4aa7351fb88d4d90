namespace GardenerMetal.Grpc;

/// <summary>What a service handler knows about its call.</summary>
public sealed class GrpcServerCallContext
{
    internal GrpcServerCallContext(string method, GrpcMetadata requestHeaders, DateTime? deadline, CancellationToken cancellationToken)
    {
        Method = method;
        RequestHeaders = requestHeaders;
        Deadline = deadline;
        CancellationToken = cancellationToken;
    }

    /// <summary>The called path, <c>/{service}/{method}</c>.</summary>
    public string Method { get; }

    /// <summary>The request metadata.</summary>
    public GrpcMetadata RequestHeaders { get; }

    /// <summary>The deadline from grpc-timeout (UTC), or null.</summary>
    public DateTime? Deadline { get; }

    /// <summary>Fires when the deadline passes or the client cancels or disconnects.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Metadata sent with the response headers.</summary>
    public GrpcMetadata ResponseHeaders { get; } = new();

    /// <summary>Metadata sent with the trailers (with the status).</summary>
    public GrpcMetadata ResponseTrailers { get; } = new();
}
