namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.DNSServer</c>.</summary>
[MetalApiDefinition("v1.DNSServer")]
public sealed record DNSServer
{
    /// <summary>Ip address of this dns server</summary>
    [JsonPropertyName("ip")]
    public required string Ip { get; init; }
}
