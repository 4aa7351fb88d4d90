using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Reconciliation;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Errors;

namespace GardenerMetal.Extensions.Kubernetes;

/// <summary>
/// <see cref="IExtensionStore{T}"/> on the Kubernetes client: cached reads from informer caches, writes as JSON
/// merge patches (metadata with the resourceVersion as optimistic lock, status through the status subresource).
/// Counts its API calls so the framework's cost per reconcile can be measured.
/// </summary>
/// <typeparam name="T">The extension kind.</typeparam>
public sealed class KubernetesExtensionStore<T> : IExtensionStore<T>
    where T : class, IExtensionResource
{
    private readonly ResourceClient<T> _resources;
    private readonly ResourceClient<Cluster> _clusters;
    private readonly Func<ResourceKey, T?>? _cache;
    private readonly Func<string, Cluster?>? _clusterCache;
    private long _apiCalls;

    /// <param name="resources">Typed client of the kind.</param>
    /// <param name="clusters">Typed client of Clusters.</param>
    /// <param name="cache">Cached read of the kind (e.g. an informer's Get); null reads live.</param>
    /// <param name="clusterCache">Cached read of Clusters; null reads live.</param>
    public KubernetesExtensionStore(ResourceClient<T> resources, ResourceClient<Cluster> clusters, Func<ResourceKey, T?>? cache = null, Func<string, Cluster?>? clusterCache = null)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(clusters);
        _resources = resources;
        _clusters = clusters;
        _cache = cache;
        _clusterCache = clusterCache;
    }

    /// <summary>API requests sent so far (reads that missed the cache, and every write).</summary>
    public long ApiCalls => Interlocked.Read(ref _apiCalls);

    public async Task<T?> GetAsync(ResourceKey key, bool live, CancellationToken cancellationToken)
    {
        if (!live && _cache is not null)
        {
            return _cache(key);
        }

        Interlocked.Increment(ref _apiCalls);
        return await _resources.TryGetAsync(key.Namespace, key.Name, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Cluster?> GetClusterAsync(string name, CancellationToken cancellationToken)
    {
        if (_clusterCache?.Invoke(name) is { } cached)
        {
            return cached;
        }

        Interlocked.Increment(ref _apiCalls);
        return await _clusters.TryGetAsync(null, name, cancellationToken).ConfigureAwait(false);
    }

    public Task<T?> PatchAsync(ResourceKey key, JsonObject mergePatch, CancellationToken cancellationToken) =>
        SendAsync(key, mergePatch, status: false, cancellationToken);

    public Task<T?> PatchStatusAsync(ResourceKey key, JsonObject mergePatch, CancellationToken cancellationToken) =>
        SendAsync(key, mergePatch, status: true, cancellationToken);

    private async Task<T?> SendAsync(ResourceKey key, JsonObject mergePatch, bool status, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _apiCalls);
        try
        {
            var patch = KubernetesPatch.Merge(mergePatch);
            return status
                ? await _resources.PatchStatusAsync(key.Namespace, key.Name, patch, cancellationToken).ConfigureAwait(false)
                : await _resources.PatchAsync(key.Namespace, key.Name, patch, cancellationToken).ConfigureAwait(false);
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
}
