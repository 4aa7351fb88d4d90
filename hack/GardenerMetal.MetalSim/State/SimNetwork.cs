namespace GardenerMetal.MetalSim.State;

/// <summary>A simulated network; mutated only under the store lock.</summary>
internal sealed class SimNetwork
{
    public required string Id { get; init; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? PartitionId { get; init; }
    public string? ProjectId { get; init; }
    public required IReadOnlyList<Ipv4Prefix> Prefixes { get; init; }
    public required IReadOnlyList<string> DestinationPrefixes { get; init; }
    public bool PrivateSuper { get; init; }
    public bool Nat { get; init; }
    public bool Underlay { get; init; }
    public bool Shared { get; init; }
    public long Vrf { get; init; }
    public string? ParentNetworkId { get; init; }
    public int ChildPrefixLength { get; init; }
    public Dictionary<string, string> Labels { get; init; } = [];
    public required DateTimeOffset Created { get; init; }
    public DateTimeOffset Changed { get; set; }

    /// <summary>Child prefixes handed out of this (super) network.</summary>
    public List<Ipv4Prefix> Children { get; } = [];

    /// <summary>Addresses allocated in this network.</summary>
    public HashSet<uint> UsedAddresses { get; } = [];
}
