namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.NetworkUsage</c>.</summary>
[MetalApiDefinition("v1.NetworkUsage")]
public sealed record NetworkUsage
{
    /// <summary>The total available IPs</summary>
    [JsonPropertyName("available_ips")]
    public long AvailableIps { get; init; }

    /// <summary>The total available 2 bit Prefixes</summary>
    [JsonPropertyName("available_prefixes")]
    public long AvailablePrefixes { get; init; }

    /// <summary>The total used IPs</summary>
    [JsonPropertyName("used_ips")]
    public long UsedIps { get; init; }

    /// <summary>The total used Prefixes</summary>
    [JsonPropertyName("used_prefixes")]
    public long UsedPrefixes { get; init; }
}
