using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>Settings of one metal partition.</summary>
public sealed record Partition
{
    /// <summary>Allowed firewall machine sizes; empty allows all; the first is the default.</summary>
    [JsonPropertyName("firewallTypes")] public IReadOnlyList<string>? FirewallTypes { get; init; }
    /// <summary>Required for restricted/forbidden shoots.</summary>
    [JsonPropertyName("networkIsolation")] public NetworkIsolation? NetworkIsolation { get; init; }
    /// <summary>
    /// Ours (optional): the prefixes of the partition's firewall networks by network ID, so that
    /// admission can reject node/pod/service CIDRs overlapping them.
    /// </summary>
    [JsonPropertyName("firewallNetworks")] public IReadOnlyDictionary<string, IReadOnlyList<string>>? FirewallNetworks { get; init; }
}
