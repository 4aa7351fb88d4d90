namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.MachineState</c>.</summary>
[MetalApiDefinition("v1.MachineState")]
public sealed record MachineState
{
    /// <summary>A description why this machine is in the given state</summary>
    [JsonPropertyName("description")]
    public string Description { get; init; } = "";

    /// <summary>The user that changed the state</summary>
    [JsonPropertyName("issuer")]
    public string? Issuer { get; init; }

    /// <summary>The version of metal hammer which put the machine in waiting state</summary>
    [JsonPropertyName("metal_hammer_version")]
    public string MetalHammerVersion { get; init; } = "";

    /// <summary>The state of this machine. empty means available for all</summary>
    [JsonPropertyName("value")]
    public string Value { get; init; } = "";
}
