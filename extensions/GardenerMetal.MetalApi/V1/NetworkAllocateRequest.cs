namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.NetworkAllocateRequest</c>.</summary>
[MetalApiDefinition("v1.NetworkAllocateRequest")]
public sealed record NetworkAllocateRequest
{
    /// <summary>The addressfamily to allocate a child network. If not specified, the child network inherits the addressfamilies from the parent.</summary>
    [JsonPropertyName("addressfamily")]
    public string? AddressFamily { get; init; }

    /// <summary>A description for this entity</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The destination prefixes of this network</summary>
    [JsonPropertyName("destinationprefixes")]
    public IReadOnlyList<string>? DestinationPrefixes { get; init; }

    /// <summary>Free labels that you associate with this network.</summary>
    [JsonPropertyName("labels")]
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>The bit lengths of the prefix to allocate, defaults to the default child prefix lengths of the parent network</summary>
    [JsonPropertyName("length")]
    public IReadOnlyDictionary<string, long>? Length { get; init; }

    /// <summary>A readable name for this entity</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>If set to true, packets leaving this network get masqueraded behind interface ip</summary>
    [JsonPropertyName("nat")]
    public bool? Nat { get; init; }

    /// <summary>The partition this network belongs to</summary>
    [JsonPropertyName("partitionid")]
    public string? PartitionId { get; init; }

    /// <summary>The project id this network belongs to, can be empty if globally available</summary>
    [JsonPropertyName("projectid")]
    public string? ProjectId { get; init; }

    /// <summary>Marks a network as shareable.</summary>
    [JsonPropertyName("shared")]
    public bool? Shared { get; init; }
}
