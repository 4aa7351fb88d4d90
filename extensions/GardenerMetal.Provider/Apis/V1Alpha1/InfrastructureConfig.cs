using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>The Shoot's <c>spec.provider.infrastructureConfig</c> (kind InfrastructureConfig).</summary>
public sealed record InfrastructureConfig
{
    [JsonPropertyName("apiVersion")] public string? ApiVersion { get; init; }
    [JsonPropertyName("kind")] public string? Kind { get; init; }
    /// <summary>The firewall that guards the cluster's node network.</summary>
    [JsonPropertyName("firewall")] public Firewall Firewall { get; init; } = new();
    /// <summary>The metal partition (a zone of the Shoot's region) the cluster runs in.</summary>
    [JsonPropertyName("partitionID")] public string? PartitionId { get; init; }
    /// <summary>The metal-api project owning the cluster's resources.</summary>
    [JsonPropertyName("projectID")] public string? ProjectId { get; init; }
}
