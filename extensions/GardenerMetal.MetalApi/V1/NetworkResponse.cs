namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.NetworkResponse</c>.</summary>
[MetalApiDefinition("v1.NetworkResponse")]
public sealed record NetworkResponse
{
    /// <summary>List of cidrs which are added to the route maps per tenant private network, these are typically pod- and service cidrs, can only be set for private super networks</summary>
    [JsonPropertyName("additionalAnnouncableCIDRs")]
    public IReadOnlyList<string>? AdditionalAnnouncableCidrs { get; init; }

    /// <summary>The last changed timestamp of this entity</summary>
    [JsonPropertyName("changed")]
    public DateTimeOffset? Changed { get; init; }

    /// <summary>Consumption of ips and prefixes in this network</summary>
    [JsonPropertyName("consumption")]
    public NetworkConsumption? Consumption { get; init; }

    /// <summary>The creation time of this entity</summary>
    [JsonPropertyName("created")]
    public DateTimeOffset? Created { get; init; }

    /// <summary>If privatesuper, this defines the bitlen of child prefixes per addressfamily if not nil</summary>
    [JsonPropertyName("defaultchildprefixlength")]
    public IReadOnlyDictionary<string, long>? DefaultChildPrefixLength { get; init; }

    /// <summary>A description for this entity</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The destination prefixes of this network</summary>
    [JsonPropertyName("destinationprefixes")]
    public IReadOnlyList<string> DestinationPrefixes { get; init; } = [];

    /// <summary>The unique ID of this entity</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>Free labels that you associate with this network.</summary>
    [JsonPropertyName("labels")]
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>A readable name for this entity</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>If set to true, packets leaving this ipv4 network get masqueraded behind interface ip</summary>
    [JsonPropertyName("nat")]
    public bool Nat { get; init; }

    /// <summary>Apiv2 nat type</summary>
    [JsonPropertyName("nattype")]
    public string NatType { get; init; } = "";

    /// <summary>Apiv2 network type</summary>
    [JsonPropertyName("networktype")]
    public string NetworkType { get; init; } = "";

    /// <summary>The id of the parent network</summary>
    [JsonPropertyName("parentnetworkid")]
    public string? ParentNetworkId { get; init; }

    /// <summary>The partition this network belongs to</summary>
    [JsonPropertyName("partitionid")]
    public string? PartitionId { get; init; }

    /// <summary>The prefixes of this network</summary>
    [JsonPropertyName("prefixes")]
    public IReadOnlyList<string> Prefixes { get; init; } = [];

    /// <summary>If set to true, this network will serve as a partition's super network for the internal machine networks,there can only be one privatesuper network per partition</summary>
    [JsonPropertyName("privatesuper")]
    public bool PrivateSuper { get; init; }

    /// <summary>The project id this network belongs to, can be empty if globally available</summary>
    [JsonPropertyName("projectid")]
    public string? ProjectId { get; init; }

    /// <summary>Marks a network as shareable.</summary>
    [JsonPropertyName("shared")]
    public bool? Shared { get; init; }

    /// <summary>If set to true, this network can be used for underlay communication</summary>
    [JsonPropertyName("underlay")]
    public bool Underlay { get; init; }

    /// <summary>Usage of IPv4 ips and prefixes in this network</summary>
    [JsonPropertyName("usage")]
    public NetworkUsage? Usage { get; init; }

    /// <summary>The vrf this network is associated with</summary>
    [JsonPropertyName("vrf")]
    public long? Vrf { get; init; }

    /// <summary>If set to true, given vrf can be used by multiple networks, which is sometimes useful for network partitioning (default: false)</summary>
    [JsonPropertyName("vrfshared")]
    public bool? VrfShared { get; init; }
}
