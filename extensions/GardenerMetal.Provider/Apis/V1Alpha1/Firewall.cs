using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>The firewall section of an <see cref="InfrastructureConfig"/>.</summary>
public sealed record Firewall
{
    [JsonPropertyName("size")] public string? Size { get; init; }
    [JsonPropertyName("image")] public string? Image { get; init; }
    /// <summary>External metal networks (IDs) the firewall connects the cluster to.</summary>
    [JsonPropertyName("networks")] public IReadOnlyList<string>? Networks { get; init; }
    [JsonPropertyName("rateLimits")] public IReadOnlyList<RateLimit>? RateLimits { get; init; }
    [JsonPropertyName("egressRules")] public IReadOnlyList<EgressRule>? EgressRules { get; init; }
    [JsonPropertyName("logAcceptedConnections")] public bool? LogAcceptedConnections { get; init; }
    /// <summary>Firewall controller version; "" or "auto" picks the newest supported one.</summary>
    [JsonPropertyName("controllerVersion")] public string? ControllerVersion { get; init; }
    [JsonPropertyName("autoUpdateMachineImage")] public bool? AutoUpdateMachineImage { get; init; }
    /// <summary>A Go duration such as <c>10m</c>.</summary>
    [JsonPropertyName("firewallHealthTimeout")] public string? FirewallHealthTimeout { get; init; }
    /// <summary>A Go duration such as <c>10m</c>.</summary>
    [JsonPropertyName("firewallCreateTimeout")] public string? FirewallCreateTimeout { get; init; }
}
