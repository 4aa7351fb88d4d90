using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Reconciliation;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Errors;

namespace GardenerMetal.Provider.IntegrationTests.Support;

/// <summary>
/// <see cref="IExtensionStore{T}"/> for Infrastructure over the Kubernetes REST client (live reads, merge patches),
/// standing in for the extension host's informer-backed store until that lands.
/// </summary>
internal sealed class KubeExtensionStore : IExtensionStore<Infrastructure>
{
    public static readonly ResourceDescriptor Infrastructures = new("extensions.gardener.cloud", "v1alpha1", "infrastructures", "Infrastructure", true);
    public static readonly ResourceDescriptor Clusters = new("extensions.gardener.cloud", "v1alpha1", "clusters", "Cluster", false);

    private readonly ResourceClient<Infrastructure> _infrastructures;
    private readonly ResourceClient<Cluster> _clusters;

    public KubeExtensionStore(KubernetesClient client)
    {
        _infrastructures = client.Resource(Infrastructures, ExtensionsJsonContext.Default.Infrastructure);
        _clusters = client.Resource(Clusters, ExtensionsJsonContext.Default.Cluster);
    }

    public ResourceClient<Infrastructure> Resources => _infrastructures;

    public Task<Infrastructure?> GetAsync(ResourceKey key, bool live, CancellationToken cancellationToken) =>
        _infrastructures.TryGetAsync(key.Namespace, key.Name, cancellationToken);

    public Task<Cluster?> GetClusterAsync(string name, CancellationToken cancellationToken) =>
        _clusters.TryGetAsync(null, name, cancellationToken);

    public async Task<Infrastructure?> PatchAsync(ResourceKey key, JsonObject mergePatch, CancellationToken cancellationToken)
    {
        try
        {
            return await _infrastructures.PatchAsync(key.Namespace, key.Name, KubernetesPatch.Merge(mergePatch), cancellationToken);
        }
        catch (KubernetesConflictException ex)
        {
            throw new StoreConflictException(ex.Message, ex);
        }
        catch (KubernetesNotFoundException)
        {
            return null;
        }
    }

    public async Task<Infrastructure?> PatchStatusAsync(ResourceKey key, JsonObject mergePatch, CancellationToken cancellationToken)
    {
        try
        {
            return await _infrastructures.PatchStatusAsync(key.Namespace, key.Name, KubernetesPatch.Merge(mergePatch), cancellationToken);
        }
        catch (KubernetesNotFoundException)
        {
            return null;
        }
    }
}
