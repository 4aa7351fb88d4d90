using System.Text.Json.Serialization;
using GardenerMetal.Provider.Apis.V1Alpha1;

namespace GardenerMetal.Provider.Controllers.Infrastructure;

/// <summary>
/// What the actuator writes to <c>status.providerStatus</c>: metal v1alpha1 <c>InfrastructureStatus</c>
/// (<c>firewall.machineID</c>) plus <c>networkID</c>, the node network's metal-api id.
/// </summary>
public sealed record InfrastructureProviderStatus
{
    [JsonPropertyName("apiVersion")] public string ApiVersion { get; init; } = Apis.V1Alpha1.MetalProviderApi.Version;
    [JsonPropertyName("kind")] public string Kind { get; init; } = nameof(Apis.V1Alpha1.InfrastructureStatus);
    [JsonPropertyName("firewall")] public FirewallStatus Firewall { get; init; } = new();
    [JsonPropertyName("networkID")] public string? NetworkId { get; init; }
}
