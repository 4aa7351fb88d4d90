namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.MachineBlockDevice</c>.</summary>
[MetalApiDefinition("v1.MachineBlockDevice")]
public sealed record MachineBlockDevice
{
    /// <summary>The name of this block device</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The size of this block device</summary>
    [JsonPropertyName("size")]
    public long Size { get; init; }
}
