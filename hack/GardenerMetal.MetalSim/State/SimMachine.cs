using GardenerMetal.MetalApi.V1;

namespace GardenerMetal.MetalSim.State;

/// <summary>A simulated machine; mutated only under the store lock.</summary>
internal sealed class SimMachine
{
    public required string Id { get; init; }
    public required string PartitionId { get; init; }
    public required string SizeId { get; init; }
    public required string RackId { get; init; }
    public required IReadOnlyList<string> InventoryTags { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required int Index { get; init; }
    public DateTimeOffset Changed { get; set; }
    public List<string> Tags { get; set; } = [];
    public string StateValue { get; set; } = "";
    public string? Liveliness { get; set; }
    public SimAllocation? Allocation { get; set; }

    /// <summary>Provisioning events, oldest first; entries may lie in the future (they appear when the clock passes them).</summary>
    public List<MachineProvisioningEvent> Events { get; } = [];
}
