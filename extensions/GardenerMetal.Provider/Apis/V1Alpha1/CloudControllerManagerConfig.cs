using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>Settings of the metal cloud-controller-manager.</summary>
public sealed record CloudControllerManagerConfig
{
    [JsonPropertyName("featureGates")] public IReadOnlyDictionary<string, bool>? FeatureGates { get; init; }
    /// <summary>The network load balancer IPs come from; must be one of the firewall networks.</summary>
    [JsonPropertyName("defaultExternalNetwork")] public string? DefaultExternalNetwork { get; init; }
}
