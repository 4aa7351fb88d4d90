namespace GardenerMetal.Provider.Controllers.Infrastructure;

/// <summary>Settings of the Infrastructure actuator.</summary>
public sealed record InfrastructureActuatorOptions
{
    /// <summary>How often to look again while a new firewall has not phoned home yet. Default 10 s.</summary>
    public TimeSpan FirewallPollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait before retrying to free a node network that metal-api still reports in use. Default 15 s.</summary>
    public TimeSpan NetworkInUseRetryInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Periodic re-check after a successful reconcile (recreates a firewall freed outside the extension); null = none.</summary>
    public TimeSpan? ResyncInterval { get; init; }

    /// <summary>HMAC auth type used with <c>metalAPIHMac</c> credentials; null = metal-go's default (Metal-Admin).</summary>
    public string? HmacAuthType { get; init; }
}
