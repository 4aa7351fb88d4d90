namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.PartitionBootConfiguration</c>: a partition has a distinct location in a data center, individual entities belong to a partition</summary>
[MetalApiDefinition("v1.PartitionBootConfiguration")]
public sealed record PartitionBootConfiguration
{
    /// <summary>The cmdline to the kernel for the boot image</summary>
    [JsonPropertyName("commandline")]
    public string? CommandLine { get; init; }

    /// <summary>The url to download the initrd for the boot image</summary>
    [JsonPropertyName("imageurl")]
    public string? ImageUrl { get; init; }

    /// <summary>The url to download the kernel for the boot image</summary>
    [JsonPropertyName("kernelurl")]
    public string? KernelUrl { get; init; }
}
