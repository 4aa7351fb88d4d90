using GardenerMetal.MetalApi.V1;

namespace GardenerMetal.Provider.Controllers.Infrastructure;

/// <summary>What decides whether a firewall machine is current: size, image and the set of networks. Any change replaces it.</summary>
internal sealed record FirewallSpec(string Size, string Image, IReadOnlyList<string> Networks)
{
    /// <summary>Whether the allocated firewall matches this spec.</summary>
    public bool IsMatchedBy(FirewallResponse firewall)
    {
        ArgumentNullException.ThrowIfNull(firewall);
        var allocation = firewall.Allocation;
        if (allocation is null || firewall.Size?.Id != Size || allocation.Image?.Id != Image)
        {
            return false;
        }

        var actual = allocation.Networks.Select(n => n.NetworkId).ToHashSet(StringComparer.Ordinal);
        return actual.SetEquals(Networks);
    }

    /// <summary>A short description of the difference, for lastOperation.</summary>
    public string DescribeDifference(FirewallResponse firewall)
    {
        ArgumentNullException.ThrowIfNull(firewall);
        var reasons = new List<string>();
        if (firewall.Size?.Id != Size)
        {
            reasons.Add($"size {firewall.Size?.Id} -> {Size}");
        }

        if (firewall.Allocation?.Image?.Id != Image)
        {
            reasons.Add($"image {firewall.Allocation?.Image?.Id} -> {Image}");
        }

        var actual = firewall.Allocation?.Networks.Select(n => n.NetworkId).ToHashSet(StringComparer.Ordinal) ?? [];
        if (!actual.SetEquals(Networks))
        {
            reasons.Add("networks changed");
        }

        return string.Join(", ", reasons);
    }
}
