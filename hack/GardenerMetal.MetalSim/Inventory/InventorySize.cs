namespace GardenerMetal.MetalSim.Inventory;

/// <summary>A machine size of the inventory.</summary>
internal sealed class InventorySize
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public int CpuCores { get; set; }
    public int MemoryGiB { get; set; }
    public int StorageGiB { get; set; }
}
