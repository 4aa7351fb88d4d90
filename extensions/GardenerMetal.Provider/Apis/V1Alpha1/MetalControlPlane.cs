using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>One metal-stack control plane (a metal-api) and its partitions.</summary>
public sealed record MetalControlPlane
{
    [JsonPropertyName("endpoint")] public string? Endpoint { get; init; }
    /// <summary>Partitions by name; each name must be a zone of the CloudProfile.</summary>
    [JsonPropertyName("partitions")] public IReadOnlyDictionary<string, Partition>? Partitions { get; init; }
    /// <summary>Allowed firewall images; empty allows all.</summary>
    [JsonPropertyName("firewallImages")] public IReadOnlyList<string>? FirewallImages { get; init; }
    [JsonPropertyName("firewallControllerVersions")] public IReadOnlyList<FirewallControllerVersion>? FirewallControllerVersions { get; init; }
    [JsonPropertyName("nftablesExporter")] public NftablesExporter? NftablesExporter { get; init; }
}
