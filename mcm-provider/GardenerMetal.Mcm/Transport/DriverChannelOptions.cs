namespace GardenerMetal.Mcm.Transport;

/// <summary>Limits of a client channel to a driver.</summary>
public sealed record DriverChannelOptions
{
    /// <summary>The largest response message accepted (bytes); larger ones fail with ResourceExhausted. Default 4 MiB.</summary>
    public int MaxReceiveMessageSize { get; init; } = DriverServerOptions.DefaultMaxReceiveMessageSize;

    /// <summary>The largest request message sent (bytes); larger ones fail with ResourceExhausted before sending. Null: unlimited.</summary>
    public int? MaxSendMessageSize { get; init; }

    /// <summary>How long to wait for a connection. Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
