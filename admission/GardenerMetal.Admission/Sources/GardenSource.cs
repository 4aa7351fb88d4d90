using GardenerMetal.Kubernetes;
using GardenerMetal.Provider.Apis.Core;

namespace GardenerMetal.Admission.Sources;

/// <summary>CloudProfiles and Secrets read from the garden API with the suite's Kubernetes client.</summary>
internal sealed class GardenSource(KubernetesClient client) : ICloudProfileSource, ISecretSource
{
    private static readonly ResourceDescriptor CloudProfiles = new("core.gardener.cloud", "v1beta1", "cloudprofiles", "CloudProfile", false);

    public Task<CloudProfile?> GetCloudProfileAsync(string name, CancellationToken cancellationToken) =>
        client.Resource(CloudProfiles, CoreJsonContext.Default.CloudProfile).TryGetAsync(null, name, cancellationToken);

    public Task<Secret?> GetSecretAsync(string secretNamespace, string name, CancellationToken cancellationToken) =>
        client.Resource(ResourceDescriptor.Secrets, CoreJsonContext.Default.Secret).TryGetAsync(secretNamespace, name, cancellationToken);
}
