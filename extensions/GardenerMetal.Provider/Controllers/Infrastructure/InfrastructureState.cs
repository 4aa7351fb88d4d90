using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Controllers.Infrastructure;

/// <summary>
/// <c>Infrastructure.status.state</c>: everything needed to adopt the cluster's metal-api objects on another seed
/// without allocating (restore), and the ids the actuator owns.
/// </summary>
public sealed record InfrastructureState
{
    /// <summary>The kind written into the state document.</summary>
    public const string KindName = "InfrastructureState";

    [JsonPropertyName("apiVersion")] public string ApiVersion { get; init; } = Apis.V1Alpha1.MetalProviderApi.Version;
    [JsonPropertyName("kind")] public string Kind { get; init; } = KindName;

    /// <summary>The shoot UID the metal-api objects are tagged with.</summary>
    [JsonPropertyName("clusterID")] public string? ClusterId { get; init; }
    [JsonPropertyName("projectID")] public string? ProjectId { get; init; }
    [JsonPropertyName("partitionID")] public string? PartitionId { get; init; }
    [JsonPropertyName("nodeNetwork")] public NodeNetworkState? NodeNetwork { get; init; }
    [JsonPropertyName("firewall")] public FirewallState? Firewall { get; init; }
    [JsonPropertyName("egressIPs")] public IReadOnlyList<string>? EgressIps { get; init; }
}
