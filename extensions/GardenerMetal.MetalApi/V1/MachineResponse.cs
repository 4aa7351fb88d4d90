namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.MachineResponse</c>.</summary>
[MetalApiDefinition("v1.MachineResponse")]
public sealed record MachineResponse
{
    /// <summary>The allocation data of an allocated machine</summary>
    [JsonPropertyName("allocation")]
    public MachineAllocation? Allocation { get; init; }

    /// <summary>Bios information of this machine</summary>
    [JsonPropertyName("bios")]
    public MachineBIOS? Bios { get; init; }

    /// <summary>The last changed timestamp of this entity</summary>
    [JsonPropertyName("changed")]
    public DateTimeOffset? Changed { get; init; }

    /// <summary>The creation time of this entity</summary>
    [JsonPropertyName("created")]
    public DateTimeOffset? Created { get; init; }

    /// <summary>A description for this entity</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Recent events of this machine during provisioning</summary>
    [JsonPropertyName("events")]
    public MachineRecentProvisioningEvents? Events { get; init; }

    /// <summary>The hardware of this machine</summary>
    [JsonPropertyName("hardware")]
    public MachineHardware? Hardware { get; init; }

    /// <summary>The unique ID of this entity</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>The state of this chassis identify LED</summary>
    [JsonPropertyName("ledstate")]
    public ChassisIdentifyLEDState? LedState { get; init; }

    /// <summary>The liveliness of this machine</summary>
    [JsonPropertyName("liveliness")]
    public string Liveliness { get; init; } = "";

    /// <summary>A readable name for this entity</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The partition assigned to this machine</summary>
    [JsonPropertyName("partition")]
    public PartitionResponse? Partition { get; init; }

    /// <summary>The rack assigned to this machine</summary>
    [JsonPropertyName("rackid")]
    public string? RackId { get; init; }

    /// <summary>The size of this machine</summary>
    [JsonPropertyName("size")]
    public SizeResponse? Size { get; init; }

    /// <summary>The state of this machine</summary>
    [JsonPropertyName("state")]
    public MachineState? State { get; init; }

    /// <summary>Tags for this machine</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string> Tags { get; init; } = [];
}
