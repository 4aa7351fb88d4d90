namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.MachineRecentProvisioningEvents</c>.</summary>
[MetalApiDefinition("v1.MachineRecentProvisioningEvents")]
public sealed record MachineRecentProvisioningEvents
{
    /// <summary>Indicates that machine is provisioning crash loop</summary>
    [JsonPropertyName("crash_loop")]
    public bool CrashLoop { get; init; }

    /// <summary>Indicates that machine reclaim has failed</summary>
    [JsonPropertyName("failed_machine_reclaim")]
    public bool FailedMachineReclaim { get; init; }

    /// <summary>The last erroneous event received</summary>
    [JsonPropertyName("last_error_event")]
    public MachineProvisioningEvent? LastErrorEvent { get; init; }

    /// <summary>The time where the last event was received</summary>
    [JsonPropertyName("last_event_time")]
    public DateTimeOffset? LastEventTime { get; init; }

    /// <summary>The log of recent machine provisioning events</summary>
    [JsonPropertyName("log")]
    public IReadOnlyList<MachineProvisioningEvent> Log { get; init; } = [];
}
