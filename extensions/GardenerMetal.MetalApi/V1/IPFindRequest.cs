namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.IPFindRequest</c>.</summary>
[MetalApiDefinition("v1.IPFindRequest")]
public sealed record IPFindRequest
{
    /// <summary>The <c>addressfamily</c> field.</summary>
    [JsonPropertyName("addressfamily")]
    public string? AddressFamily { get; init; }

    /// <summary>A unique identifier for this ip address allocation, can be used to distinguish between ip address allocation over time.</summary>
    [JsonPropertyName("allocationuuid")]
    public string? AllocationUuid { get; init; }

    /// <summary>The address (ipv4 or ipv6) of this ip</summary>
    [JsonPropertyName("ipaddress")]
    public string? IpAddress { get; init; }

    /// <summary>The machine an ip address is associated to</summary>
    [JsonPropertyName("machineid")]
    public string? MachineId { get; init; }

    /// <summary>The name of the ip address</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The network this ip allocate request address belongs to</summary>
    [JsonPropertyName("networkid")]
    public string? NetworkId { get; init; }

    /// <summary>The prefix of the network this ip address belongs to</summary>
    [JsonPropertyName("networkprefix")]
    public string? NetworkPrefix { get; init; }

    /// <summary>The project this ip address belongs to, empty if not strong coupled</summary>
    [JsonPropertyName("projectid")]
    public string? ProjectId { get; init; }

    /// <summary>The tags that are assigned to this ip address</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>The type of the ip address, ephemeral or static</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }
}
