namespace GardenerMetal.Mcm.Transport;

/// <summary>Limits of the driver's gRPC server.</summary>
public sealed record DriverServerOptions
{
    /// <summary>gRPC's default message size limit (4 MiB).</summary>
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>The longest status detail (characters) a client receives; longer ones are cut, so echoed input cannot blow up <c>grpc-message</c>.</summary>
    public const int MaxStatusDetailLength = 512;

    /// <summary>The largest request message accepted (bytes); larger ones answer ResourceExhausted. Default 4 MiB.</summary>
    public int MaxReceiveMessageSize { get; init; } = DefaultMaxReceiveMessageSize;

    /// <summary>The largest response message sent (bytes); larger ones answer ResourceExhausted. Null: unlimited.</summary>
    public int? MaxSendMessageSize { get; init; }
}
