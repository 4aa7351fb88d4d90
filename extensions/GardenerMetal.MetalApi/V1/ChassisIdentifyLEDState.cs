namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.ChassisIdentifyLEDState</c>.</summary>
[MetalApiDefinition("v1.ChassisIdentifyLEDState")]
public sealed record ChassisIdentifyLEDState
{
    /// <summary>A description why this chassis identify LED is in the given state</summary>
    [JsonPropertyName("description")]
    public string Description { get; init; } = "";

    /// <summary>The state of this chassis identify LED. empty means LED-OFF</summary>
    [JsonPropertyName("value")]
    public string Value { get; init; } = "";
}
