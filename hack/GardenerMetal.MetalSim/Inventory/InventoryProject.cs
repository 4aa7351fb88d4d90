namespace GardenerMetal.MetalSim.Inventory;

/// <summary>A project of the inventory.</summary>
internal sealed class InventoryProject
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Tenant { get; set; }
}
