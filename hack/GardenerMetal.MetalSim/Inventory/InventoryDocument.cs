namespace GardenerMetal.MetalSim.Inventory;

/// <summary>The simulator's YAML inventory (camelCase keys).</summary>
internal sealed class InventoryDocument
{
    public List<InventoryPartition> Partitions { get; set; } = [];
    public List<InventorySize> Sizes { get; set; } = [];
    public List<InventoryImage> Images { get; set; } = [];
    public List<InventoryProject> Projects { get; set; } = [];
    public List<InventoryNetwork> Networks { get; set; } = [];
    public List<InventoryMachines> Machines { get; set; } = [];
}
