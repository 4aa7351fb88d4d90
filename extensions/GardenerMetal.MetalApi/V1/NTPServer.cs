namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.NTPServer</c>.</summary>
[MetalApiDefinition("v1.NTPServer")]
public sealed record NTPServer
{
    /// <summary>Ip address or dns hostname of this ntp server</summary>
    [JsonPropertyName("address")]
    public required string Address { get; init; }
}
