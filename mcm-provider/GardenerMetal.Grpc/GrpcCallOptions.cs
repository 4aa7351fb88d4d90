namespace GardenerMetal.Grpc;

/// <summary>Options of one client call.</summary>
public sealed record GrpcCallOptions
{
    /// <summary>The absolute deadline (UTC); sent as grpc-timeout. Null means none.</summary>
    public DateTime? Deadline { get; init; }

    /// <summary>Request metadata.</summary>
    public GrpcMetadata? Headers { get; init; }

    /// <summary>Cancels the call; the client then reports <see cref="GrpcStatusCode.Cancelled"/>.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Options with a deadline <paramref name="timeout"/> from now.</summary>
    public static GrpcCallOptions WithTimeout(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        new() { Deadline = DateTime.UtcNow + timeout, CancellationToken = cancellationToken };
}
