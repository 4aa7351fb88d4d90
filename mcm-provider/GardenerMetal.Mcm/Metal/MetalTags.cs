namespace GardenerMetal.Mcm.Metal;

/// <summary>Tag names of metal-lib's <c>pkg/tag</c> the driver relies on.</summary>
public static class MetalTags
{
    /// <summary>Scopes a machine to a shoot: <c>cluster.metal-stack.io/id=&lt;shoot uid&gt;</c>.</summary>
    public const string ClusterId = "cluster.metal-stack.io/id";

    /// <summary>The allocation role of worker machines (firewalls have role <c>firewall</c>).</summary>
    public const string MachineRole = "machine";
}
