namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.IPAllocateRequest</c>.</summary>
[MetalApiDefinition("v1.IPAllocateRequest")]
public sealed record IPAllocateRequest
{
    /// <summary>The addressfamily to allocate a ip address from the given network, defaults to IPv4</summary>
    [JsonPropertyName("addressfamily")]
    public string? AddressFamily { get; init; }

    /// <summary>A description for this entity</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The machine id this ip should be associated with</summary>
    [JsonPropertyName("machineid")]
    public string? MachineId { get; init; }

    /// <summary>A readable name for this entity</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The network this ip allocate request address belongs to</summary>
    [JsonPropertyName("networkid")]
    public required string NetworkId { get; init; }

    /// <summary>The project this ip address belongs to</summary>
    [JsonPropertyName("projectid")]
    public required string ProjectId { get; init; }

    /// <summary>Free tags that you associate with this ip.</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>The ip type, ephemeral leads to automatic cleanup of the ip address, static will enable re-use of the ip at a later point in time</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }
}
