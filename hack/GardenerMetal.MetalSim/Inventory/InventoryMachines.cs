namespace GardenerMetal.MetalSim.Inventory;

/// <summary>A group of identical machines (or one machine with a fixed id).</summary>
internal sealed class InventoryMachines
{
    public string? Id { get; set; }
    public string? Partition { get; set; }
    public string? Size { get; set; }
    public int Count { get; set; } = 1;
    public List<string> Racks { get; set; } = [];
    public List<string> Tags { get; set; } = [];
}
