using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Apis;

namespace GardenerMetal.Extensions.Reconciliation;

/// <summary>
/// The reconciler's narrow view of the API server for one extension kind. Production wires it to the Kubernetes
/// client and informer cache; tests use an in-memory fake. Every patch is an RFC 7386 JSON merge patch.
/// </summary>
/// <typeparam name="T">The extension kind.</typeparam>
public interface IExtensionStore<T>
    where T : class, IExtensionResource
{
    /// <summary>Reads the object (from a cache when <paramref name="live"/> is false); null when it does not exist.</summary>
    Task<T?> GetAsync(ResourceKey key, bool live, CancellationToken cancellationToken);

    /// <summary>Reads the Cluster named like the namespace; null when it does not exist.</summary>
    Task<Cluster?> GetClusterAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Merge-patches the object (metadata). A patch carrying <c>metadata.resourceVersion</c> fails with a conflict
    /// (<see cref="StoreConflictException"/>) when the object changed. Returns the updated object, or null when it is gone.
    /// </summary>
    Task<T?> PatchAsync(ResourceKey key, JsonObject mergePatch, CancellationToken cancellationToken);

    /// <summary>Merge-patches the status subresource. Returns the updated object, or null when it is gone.</summary>
    Task<T?> PatchStatusAsync(ResourceKey key, JsonObject mergePatch, CancellationToken cancellationToken);
}
