using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>Provider status of an Infrastructure (legacy; the real outputs are nodesCIDR and state).</summary>
public sealed record InfrastructureStatus
{
    [JsonPropertyName("apiVersion")] public string? ApiVersion { get; init; } = MetalProviderApi.Version;
    [JsonPropertyName("kind")] public string? Kind { get; init; } = nameof(InfrastructureStatus);
    [JsonPropertyName("firewall")] public FirewallStatus Firewall { get; init; } = new();
}
