namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.NetworkFindRequest</c>.</summary>
[MetalApiDefinition("v1.NetworkFindRequest")]
public sealed record NetworkFindRequest
{
    /// <summary>The <c>addressfamily</c> field.</summary>
    [JsonPropertyName("addressfamily")]
    public string? AddressFamily { get; init; }

    /// <summary>The <c>destinationprefixes</c> field.</summary>
    [JsonPropertyName("destinationprefixes")]
    public IReadOnlyList<string>? DestinationPrefixes { get; init; }

    /// <summary>The <c>id</c> field.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The <c>labels</c> field.</summary>
    [JsonPropertyName("labels")]
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>The <c>name</c> field.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The <c>nat</c> field.</summary>
    [JsonPropertyName("nat")]
    public bool? Nat { get; init; }

    /// <summary>The <c>parentnetworkid</c> field.</summary>
    [JsonPropertyName("parentnetworkid")]
    public string? ParentNetworkId { get; init; }

    /// <summary>The <c>partitionid</c> field.</summary>
    [JsonPropertyName("partitionid")]
    public string? PartitionId { get; init; }

    /// <summary>The <c>prefixes</c> field.</summary>
    [JsonPropertyName("prefixes")]
    public IReadOnlyList<string>? Prefixes { get; init; }

    /// <summary>The <c>privatesuper</c> field.</summary>
    [JsonPropertyName("privatesuper")]
    public bool? PrivateSuper { get; init; }

    /// <summary>The <c>projectid</c> field.</summary>
    [JsonPropertyName("projectid")]
    public string? ProjectId { get; init; }

    /// <summary>The <c>underlay</c> field.</summary>
    [JsonPropertyName("underlay")]
    public bool? Underlay { get; init; }

    /// <summary>The <c>vrf</c> field.</summary>
    [JsonPropertyName("vrf")]
    public long? Vrf { get; init; }
}
