using System.Text.Json.Nodes;
using GardenerMetal.Kubernetes;

namespace GardenerMetal.LocalUp;

/// <summary>The kinds the example shoot consists of, and which of them have a status subresource.</summary>
public static class ExtensionResourceDescriptors
{
    /// <summary>extensions.gardener.cloud Infrastructures.</summary>
    public static ResourceDescriptor Infrastructures { get; } = new("extensions.gardener.cloud", "v1alpha1", "infrastructures", "Infrastructure", true);

    /// <summary>extensions.gardener.cloud OperatingSystemConfigs.</summary>
    public static ResourceDescriptor OperatingSystemConfigs { get; } = new("extensions.gardener.cloud", "v1alpha1", "operatingsystemconfigs", "OperatingSystemConfig", true);

    /// <summary>extensions.gardener.cloud Workers.</summary>
    public static ResourceDescriptor Workers { get; } = new("extensions.gardener.cloud", "v1alpha1", "workers", "Worker", true);

    /// <summary>extensions.gardener.cloud Clusters.</summary>
    public static ResourceDescriptor Clusters { get; } = new("extensions.gardener.cloud", "v1alpha1", "clusters", "Cluster", false);

    /// <summary>core.gardener.cloud Shoots (garden side).</summary>
    public static ResourceDescriptor Shoots { get; } = new("core.gardener.cloud", "v1beta1", "shoots", "Shoot", true);

    /// <summary>core.gardener.cloud CloudProfiles (garden side).</summary>
    public static ResourceDescriptor CloudProfiles { get; } = new("core.gardener.cloud", "v1beta1", "cloudprofiles", "CloudProfile", false);

    private static readonly ResourceDescriptor[] Known =
    [
        Infrastructures, OperatingSystemConfigs, Workers, Clusters, Shoots, CloudProfiles,
        ResourceDescriptor.Secrets, ResourceDescriptor.Namespaces, ResourceDescriptor.ConfigMaps,
        McmStandIn.McmResources.MachineDeployments, McmStandIn.McmResources.MachineSets, McmStandIn.McmResources.Machines, McmStandIn.McmResources.MachineClasses,
    ];

    private static readonly HashSet<ResourceDescriptor> WithStatus = [Infrastructures, OperatingSystemConfigs, Workers, Shoots];

    /// <summary>The resource of an object by its apiVersion and kind.</summary>
    /// <exception cref="LocalUpException">An unknown kind, naming it.</exception>
    public static ResourceDescriptor For(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var apiVersion = obj["apiVersion"]?.GetValue<string>();
        var kind = obj["kind"]?.GetValue<string>();
        return Known.FirstOrDefault(r => r.ApiVersion == apiVersion && r.Kind == kind)
            ?? throw new LocalUpException($"manifest kind {apiVersion}/{kind} is not one the local seed applies");
    }

    /// <summary>True when writes to the main endpoint ignore <c>status</c> (it must go through /status).</summary>
    public static bool HasStatus(ResourceDescriptor resource) => WithStatus.Contains(resource);
}
