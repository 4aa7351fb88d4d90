namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.MachineAllocationNetwork</c>.</summary>
[MetalApiDefinition("v1.MachineAllocationNetwork")]
public sealed record MachineAllocationNetwork
{
    /// <summary>Will automatically acquire an ip in this network if set to true, default is true</summary>
    [JsonPropertyName("autoacquire")]
    public required bool AutoAcquire { get; init; }

    /// <summary>The id of the network that this machine will be placed in</summary>
    [JsonPropertyName("networkid")]
    public required string NetworkId { get; init; }
}
