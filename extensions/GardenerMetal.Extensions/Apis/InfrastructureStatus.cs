using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>Infrastructure status: the node network, egress CIDRs and networking.</summary>
public sealed class InfrastructureStatus : DefaultStatus
{
    [JsonPropertyName("nodesCIDR")]
    public string? NodesCidr { get; set; }

    [JsonPropertyName("egressCIDRs")]
    public List<string>? EgressCidrs { get; set; }

    public InfrastructureStatusNetworking? Networking { get; set; }
}
