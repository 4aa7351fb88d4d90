namespace GardenerMetal.Grpc;

/// <summary>Limits of the client side of the transport.</summary>
public sealed record GrpcChannelOptions
{
    /// <summary>The largest response message accepted (bytes); larger ones fail with ResourceExhausted. Default 4 MiB.</summary>
    public int MaxReceiveMessageSize { get; init; } = GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>The largest request message sent (bytes); larger ones fail with ResourceExhausted before sending. Null: unlimited.</summary>
    public int? MaxSendMessageSize { get; init; }

    /// <summary>How long to wait for a connection. Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
