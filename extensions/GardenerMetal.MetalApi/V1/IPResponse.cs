namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.IPResponse</c>.</summary>
[MetalApiDefinition("v1.IPResponse")]
public sealed record IPResponse
{
    /// <summary>A unique identifier for this ip address allocation, can be used to distinguish between ip address allocation over time.</summary>
    [JsonPropertyName("allocationuuid")]
    public string AllocationUuid { get; init; } = "";

    /// <summary>The last changed timestamp of this entity</summary>
    [JsonPropertyName("changed")]
    public DateTimeOffset? Changed { get; init; }

    /// <summary>The creation time of this entity</summary>
    [JsonPropertyName("created")]
    public DateTimeOffset? Created { get; init; }

    /// <summary>A description for this entity</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The address (ipv4 or ipv6) of this ip</summary>
    [JsonPropertyName("ipaddress")]
    public string IpAddress { get; init; } = "";

    /// <summary>A readable name for this entity</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The network this ip allocate request address belongs to</summary>
    [JsonPropertyName("networkid")]
    public string NetworkId { get; init; } = "";

    /// <summary>The project this ip address belongs to</summary>
    [JsonPropertyName("projectid")]
    public string ProjectId { get; init; } = "";

    /// <summary>Free tags that you associate with this ip.</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>The ip type, ephemeral leads to automatic cleanup of the ip address, static will enable re-use of the ip at a later point in time</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "";
}
