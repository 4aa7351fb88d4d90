using GardenerMetal.Kubernetes;

namespace GardenerMetal.Provider.Controllers.ControlPlane;

/// <summary>REST descriptors of the kinds the ControlPlane actuator reads and writes besides Secrets.</summary>
public static class ControlPlaneResources
{
    public static ResourceDescriptor ManagedResources { get; } = new("resources.gardener.cloud", "v1alpha1", "managedresources", "ManagedResource", true);

    public static ResourceDescriptor DnsRecords { get; } = new("extensions.gardener.cloud", "v1alpha1", "dnsrecords", "DNSRecord", true);

    public static ResourceDescriptor Deployments { get; } = new("apps", "v1", "deployments", "Deployment", true);
}
