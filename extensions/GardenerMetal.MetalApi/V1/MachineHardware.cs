namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.MachineHardware</c>.</summary>
[MetalApiDefinition("v1.MachineHardware")]
public sealed record MachineHardware
{
    /// <summary>The number of cpu cores</summary>
    [JsonPropertyName("cpu_cores")]
    public int CpuCores { get; init; }

    /// <summary>The list of block devices of this machine</summary>
    [JsonPropertyName("disks")]
    public IReadOnlyList<MachineBlockDevice> Disks { get; init; } = [];

    /// <summary>The total memory of the machine</summary>
    [JsonPropertyName("memory")]
    public long Memory { get; init; }

    /// <summary>The list of network interfaces of this machine</summary>
    [JsonPropertyName("nics")]
    public IReadOnlyList<MachineNic> Nics { get; init; } = [];
}
