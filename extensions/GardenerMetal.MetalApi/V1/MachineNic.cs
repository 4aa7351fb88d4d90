namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.MachineNic</c>.</summary>
[MetalApiDefinition("v1.MachineNic")]
public sealed record MachineNic
{
    /// <summary>The unique identifier of this network interface</summary>
    [JsonPropertyName("identifier")]
    public string Identifier { get; init; } = "";

    /// <summary>The mac address of this network interface</summary>
    [JsonPropertyName("mac")]
    public string Mac { get; init; } = "";

    /// <summary>The name of this network interface</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The neighbors visible to this network interface</summary>
    [JsonPropertyName("neighbors")]
    public IReadOnlyList<MachineNic> Neighbors { get; init; } = [];
}
