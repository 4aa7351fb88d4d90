namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.MachineBIOS</c>: The bios version</summary>
[MetalApiDefinition("v1.MachineBIOS")]
public sealed record MachineBIOS
{
    /// <summary>The bios date</summary>
    [JsonPropertyName("date")]
    public string Date { get; init; } = "";

    /// <summary>The bios vendor</summary>
    [JsonPropertyName("vendor")]
    public string Vendor { get; init; } = "";

    /// <summary>The bios version</summary>
    [JsonPropertyName("version")]
    public string Version { get; init; } = "";
}
