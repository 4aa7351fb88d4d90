namespace GardenerMetal.Grpc;

/// <summary>
/// A call ended with a non-OK status. Thrown by the client; thrown by a service handler to answer
/// with that status. The message is the status detail and must not contain secrets.
/// </summary>
public sealed class RpcException : Exception
{
    /// <summary>Creates the exception for a status.</summary>
    public RpcException(GrpcStatus status)
        : this(status, new GrpcMetadata())
    {
    }

    /// <summary>Creates the exception for a code and detail.</summary>
    public RpcException(GrpcStatusCode code, string detail)
        : this(new GrpcStatus(code, detail))
    {
    }

    /// <summary>Creates the exception for a status with trailers.</summary>
    public RpcException(GrpcStatus status, GrpcMetadata trailers)
        : base(status.ToString())
    {
        ArgumentNullException.ThrowIfNull(trailers);
        Status = status;
        Trailers = trailers;
    }

    /// <summary>Required by the design guidelines; prefer the status constructors.</summary>
    public RpcException()
        : this(new GrpcStatus(GrpcStatusCode.Unknown, string.Empty))
    {
    }

    /// <summary>Required by the design guidelines; prefer the status constructors.</summary>
    public RpcException(string message)
        : this(new GrpcStatus(GrpcStatusCode.Unknown, message ?? string.Empty))
    {
    }

    /// <summary>Required by the design guidelines; prefer the status constructors.</summary>
    public RpcException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = new GrpcStatus(GrpcStatusCode.Unknown, message ?? string.Empty);
        Trailers = new GrpcMetadata();
    }

    /// <summary>The status of the call.</summary>
    public GrpcStatus Status { get; }

    /// <summary>The status code.</summary>
    public GrpcStatusCode StatusCode => Status.Code;

    /// <summary>The trailing metadata (response trailers) of the call.</summary>
    public GrpcMetadata Trailers { get; }
}
