namespace GardenerMetal.MetalSim.Inventory;

/// <summary>A network of the inventory: a partition's private super network or an external network.</summary>
internal sealed class InventoryNetwork
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Partition { get; set; }
    public List<string> Prefixes { get; set; } = [];
    public List<string> DestinationPrefixes { get; set; } = [];
    public bool PrivateSuper { get; set; }
    public bool Nat { get; set; }
    public bool Underlay { get; set; }
    public bool Shared { get; set; }
    public int ChildPrefixLength { get; set; }
    public long Vrf { get; set; }
    public Dictionary<string, string> Labels { get; set; } = [];
}
