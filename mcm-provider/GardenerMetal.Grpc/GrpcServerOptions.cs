namespace GardenerMetal.Grpc;

/// <summary>Limits of the server side of the transport.</summary>
public sealed record GrpcServerOptions
{
    /// <summary>The largest request message accepted (bytes); larger ones answer ResourceExhausted. Default 4 MiB.</summary>
    public int MaxReceiveMessageSize { get; init; } = GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>The largest response message sent (bytes); larger ones answer ResourceExhausted. Null: unlimited.</summary>
    public int? MaxSendMessageSize { get; init; }
}
