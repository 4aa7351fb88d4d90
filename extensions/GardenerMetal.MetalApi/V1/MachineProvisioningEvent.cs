namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.MachineProvisioningEvent</c>.</summary>
[MetalApiDefinition("v1.MachineProvisioningEvent")]
public sealed record MachineProvisioningEvent
{
    /// <summary>The event emitted by the machine</summary>
    [JsonPropertyName("event")]
    public string Event { get; init; } = "";

    /// <summary>An additional message to add to the event</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>The time that this event was received</summary>
    [JsonPropertyName("time")]
    public DateTimeOffset? Time { get; init; }
}
