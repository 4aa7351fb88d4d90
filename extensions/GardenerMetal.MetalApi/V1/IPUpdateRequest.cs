namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.IPUpdateRequest</c>: an ip address that can be attached to a machine</summary>
[MetalApiDefinition("v1.IPUpdateRequest")]
public sealed record IPUpdateRequest
{
    /// <summary>A description for this entity</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The address (ipv4 or ipv6) of this ip</summary>
    [JsonPropertyName("ipaddress")]
    public required string IpAddress { get; init; }

    /// <summary>A readable name for this entity</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Free tags that you associate with this ip.</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>The ip type, ephemeral leads to automatic cleanup of the ip address, static will enable re-use of the ip at a later point in time</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }
}
