namespace GardenerMetal.MetalApi;

/// <summary>
/// The metal-api tags, labels and allocation role that mark what belongs to a cluster (metal-stack metal-lib
/// <c>pkg/tag</c>), shared by the Infrastructure actuator, the Worker actuator and the MCM driver.
/// </summary>
public static class MetalTags
{
    /// <summary>Tag and network label key carrying the shoot UID: <c>cluster.metal-stack.io/id=&lt;shoot uid&gt;</c> scopes machines, networks and IPs to a shoot.</summary>
    public const string ClusterId = "cluster.metal-stack.io/id";

    /// <summary>Tag key marking a static IP as an egress IP of the cluster.</summary>
    public const string ClusterEgress = "cluster.metal-stack.io/id/egress";

    /// <summary>The prefix of every cluster-scoped tag key (service IPs of metal-ccm use <c>cluster.metal-stack.io/id/namespace/service</c>).</summary>
    public const string ClusterIdPrefix = ClusterId + "/";

    /// <summary>The allocation role of worker machines (firewalls have role <c>firewall</c>).</summary>
    public const string MachineRole = "machine";

    /// <summary><c>cluster.metal-stack.io/id=&lt;uid&gt;</c>.</summary>
    public static string Cluster(string uid) => ClusterId + "=" + uid;

    /// <summary><c>cluster.metal-stack.io/id/egress=&lt;uid&gt;</c>.</summary>
    public static string Egress(string uid) => ClusterEgress + "=" + uid;

    /// <summary>
    /// Whether a tag marks the cluster: the cluster tag itself, or a cluster-scoped key
    /// (<c>cluster.metal-stack.io/id/...</c>) whose value starts with the UID.
    /// </summary>
    public static bool IsClusterTag(string tag, string uid)
    {
        ArgumentNullException.ThrowIfNull(tag);
        ArgumentException.ThrowIfNullOrEmpty(uid);
        if (tag == Cluster(uid))
        {
            return true;
        }

        var eq = tag.IndexOf('=', StringComparison.Ordinal);
        if (eq < 0 || !tag.StartsWith(ClusterIdPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var value = tag[(eq + 1)..];
        return value == uid || value.StartsWith(uid + "/", StringComparison.Ordinal);
    }
}
