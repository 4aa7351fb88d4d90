namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.NetworkConsumption</c>.</summary>
[MetalApiDefinition("v1.NetworkConsumption")]
public sealed record NetworkConsumption
{
    /// <summary>Ip and prefix consumption in the ipv4 addressfamily</summary>
    [JsonPropertyName("ipv4")]
    public NetworkUsage? IPv4 { get; init; }

    /// <summary>Ip and prefix consumption in the ipv6 addressfamily</summary>
    [JsonPropertyName("ipv6")]
    public NetworkUsage? IPv6 { get; init; }
}
