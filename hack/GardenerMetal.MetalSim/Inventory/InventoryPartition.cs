namespace GardenerMetal.MetalSim.Inventory;

/// <summary>A partition of the inventory.</summary>
internal sealed class InventoryPartition
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
}
