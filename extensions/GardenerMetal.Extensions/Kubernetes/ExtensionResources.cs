using System.Text.Json.Serialization.Metadata;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Kubernetes;

namespace GardenerMetal.Extensions.Kubernetes;

/// <summary>REST descriptors and typed clients of the extensions.gardener.cloud/v1alpha1 resources.</summary>
public static class ExtensionResources
{
    private const string Group = "extensions.gardener.cloud";
    private const string Version = "v1alpha1";

    public static ResourceDescriptor Infrastructures { get; } = new(Group, Version, "infrastructures", Infrastructure.KindName, true);
    public static ResourceDescriptor ControlPlanes { get; } = new(Group, Version, "controlplanes", ControlPlane.KindName, true);
    public static ResourceDescriptor Workers { get; } = new(Group, Version, "workers", Worker.KindName, true);
    public static ResourceDescriptor OperatingSystemConfigs { get; } = new(Group, Version, "operatingsystemconfigs", OperatingSystemConfig.KindName, true);
    public static ResourceDescriptor Clusters { get; } = new(Group, Version, "clusters", Cluster.KindName, false);

    /// <summary>The descriptor of an extension kind.</summary>
    public static ResourceDescriptor For<T>()
        where T : IExtensionResource => typeof(T).Name switch
        {
            nameof(Infrastructure) => Infrastructures,
            nameof(ControlPlane) => ControlPlanes,
            nameof(Worker) => Workers,
            nameof(OperatingSystemConfig) => OperatingSystemConfigs,
            _ => throw new ArgumentException($"{typeof(T).Name} is not a known extension kind.", nameof(T)),
        };

    /// <summary>The typed client of an extension kind.</summary>
    public static ResourceClient<T> Client<T>(KubernetesClient client)
        where T : class, IExtensionResource
    {
        ArgumentNullException.ThrowIfNull(client);
        var typeInfo = (JsonTypeInfo<T>)ExtensionsJsonContext.Default.GetTypeInfo(typeof(T))!;
        return client.Resource(For<T>(), typeInfo);
    }

    /// <summary>The typed client of Clusters.</summary>
    public static ResourceClient<Cluster> ClusterClient(KubernetesClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.Resource(Clusters, ExtensionsJsonContext.Default.Cluster);
    }
}
