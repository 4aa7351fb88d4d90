namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>How worker roles become node labels and taints.</summary>
public static class NodeRoles
{
    /// <summary>The label (and taint) key prefix of a role.</summary>
    public const string LabelPrefix = "node-role.kubernetes.io/";

    /// <summary>Roles that get their own NoSchedule taint (everything but <c>node</c>).</summary>
    public static IReadOnlyList<string> Dedicated { get; } = ["master", "control-plane", "etcd", "infra", "bootstrap"];

    /// <summary>The node label key of <paramref name="role"/>, value "".</summary>
    public static string LabelKey(string role) => LabelPrefix + role;

    /// <summary>True when nodes with <paramref name="role"/> carry the NoSchedule taint <see cref="LabelKey"/>.</summary>
    public static bool IsDedicated(string role) => Dedicated.Contains(role, StringComparer.Ordinal);
}
