namespace GardenerMetal.MetalSim.Inventory;

/// <summary>An OS image of the inventory; features are <c>machine</c> and/or <c>firewall</c>.</summary>
internal sealed class InventoryImage
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Url { get; set; }
    public List<string> Features { get; set; } = [];
    public string? Classification { get; set; }
}
