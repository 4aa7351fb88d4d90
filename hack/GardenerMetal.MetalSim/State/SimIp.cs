namespace GardenerMetal.MetalSim.State;

/// <summary>A simulated IP allocation.</summary>
internal sealed class SimIp
{
    public required string Address { get; init; }
    public required uint Value { get; init; }
    public required string NetworkId { get; init; }
    public required string ProjectId { get; init; }
    public required string AllocationUuid { get; init; }
    public required DateTimeOffset Created { get; init; }
    public DateTimeOffset Changed { get; set; }
    public string Type { get; set; } = "ephemeral";
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? MachineId { get; set; }
    public List<string> Tags { get; set; } = [];
}
