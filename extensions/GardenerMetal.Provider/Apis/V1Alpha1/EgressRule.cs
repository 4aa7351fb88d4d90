using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>Static egress (SNAT) IPs of one firewall network.</summary>
public sealed record EgressRule
{
    [JsonPropertyName("networkID")] public string? NetworkId { get; init; }
    [JsonPropertyName("ips")] public IReadOnlyList<string>? Ips { get; init; }
}
