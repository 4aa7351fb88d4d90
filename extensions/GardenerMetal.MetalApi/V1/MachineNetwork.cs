namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.MachineNetwork</c>: prefixes that are reachable within this network</summary>
[MetalApiDefinition("v1.MachineNetwork")]
public sealed record MachineNetwork
{
    /// <summary>ASN number for this network in the bgp configuration</summary>
    [JsonPropertyName("asn")]
    public long Asn { get; init; }

    /// <summary>The destination prefixes of this network</summary>
    [JsonPropertyName("destinationprefixes")]
    public IReadOnlyList<string> DestinationPrefixes { get; init; } = [];

    /// <summary>The ip addresses of the allocated machine in this vrf</summary>
    [JsonPropertyName("ips")]
    public IReadOnlyList<string> Ips { get; init; } = [];

    /// <summary>If set to true, packets leaving this network get masqueraded behind interface ip</summary>
    [JsonPropertyName("nat")]
    public bool Nat { get; init; }

    /// <summary>The <c>nattypev2</c> field.</summary>
    [JsonPropertyName("nattypev2")]
    public string NatTypeV2 { get; init; } = "";

    /// <summary>The networkID of the allocated machine in this vrf</summary>
    [JsonPropertyName("networkid")]
    public string NetworkId { get; init; } = "";

    /// <summary>The network type, types can be looked up in the network package of metal-lib</summary>
    [JsonPropertyName("networktype")]
    public string NetworkType { get; init; } = "";

    /// <summary>The <c>networktypev2</c> field.</summary>
    [JsonPropertyName("networktypev2")]
    public string NetworkTypeV2 { get; init; } = "";

    /// <summary>The prefixes of this network</summary>
    [JsonPropertyName("prefixes")]
    public IReadOnlyList<string> Prefixes { get; init; } = [];

    /// <summary>Indicates whether this network is the private network of this machine</summary>
    [JsonPropertyName("private")]
    public bool Private { get; init; }

    /// <summary>Project of this network, empty string if not project scoped</summary>
    [JsonPropertyName("projectid")]
    public string ProjectId { get; init; } = "";

    /// <summary>If set to true, this network can be used for underlay communication</summary>
    [JsonPropertyName("underlay")]
    public bool Underlay { get; init; }

    /// <summary>The vrf of the allocated machine</summary>
    [JsonPropertyName("vrf")]
    public long Vrf { get; init; }
}
