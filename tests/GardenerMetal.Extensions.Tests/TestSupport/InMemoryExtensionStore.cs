using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Reconciliation;

namespace GardenerMetal.Extensions.Tests.TestSupport;

/// <summary>
/// A fake API server for one extension kind, modelled on kube-apiserver semantics: resourceVersion + 409 on
/// optimistic-lock patches, generation bumped on spec changes, a status subresource, finalizers + deletionTimestamp.
/// </summary>
internal sealed class InMemoryExtensionStore<T> : IExtensionStore<T>
    where T : class, IExtensionResource
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ResourceKey, JsonObject> _objects = [];
    private readonly Dictionary<string, Cluster> _clusters = [];
    private readonly JsonTypeInfo<T> _typeInfo = (JsonTypeInfo<T>)ExtensionsJsonContext.Default.GetTypeInfo(typeof(T))!;
    private long _resourceVersion = 100;

    public int Reads;
    public int Writes;
    public List<string> WriteLog { get; } = [];

    /// <summary>Called before every write; throw from it to simulate a failing API server.</summary>
    public Action<string>? BeforeWrite { get; set; }

    public void AddCluster(Cluster cluster)
    {
        lock (_lock)
        {
            _clusters[cluster.Metadata.Name!] = cluster;
        }
    }

    public ResourceKey Create(T resource)
    {
        lock (_lock)
        {
            var node = JsonSerializer.SerializeToNode(resource, _typeInfo)!.AsObject();
            var meta = node["metadata"]!.AsObject();
            meta["resourceVersion"] = NextVersion();
            meta["generation"] = 1;
            meta["uid"] = Guid.NewGuid().ToString();
            var key = new ResourceKey(resource.Metadata.Namespace!, resource.Metadata.Name!);
            _objects[key] = node;
            return key;
        }
    }

    /// <summary>A client-side update of spec/metadata (as gardenlet does), bumping generation when the spec changed.</summary>
    public void Update(ResourceKey key, Action<JsonObject> mutate)
    {
        lock (_lock)
        {
            var node = _objects[key];
            var before = node["spec"]?.ToJsonString();
            mutate(node);
            var meta = node["metadata"]!.AsObject();
            meta["resourceVersion"] = NextVersion();
            if (node["spec"]?.ToJsonString() != before)
            {
                meta["generation"] = meta["generation"]!.GetValue<int>() + 1;
            }
        }
    }

    public void Delete(ResourceKey key)
    {
        lock (_lock)
        {
            var node = _objects[key];
            if (node["metadata"]?["finalizers"] is JsonArray { Count: > 0 })
            {
                node["metadata"]!["deletionTimestamp"] ??= "2025-01-01T00:00:00Z";
                node["metadata"]!["resourceVersion"] = NextVersion();
            }
            else
            {
                _objects.Remove(key);
            }
        }
    }

    public bool Exists(ResourceKey key)
    {
        lock (_lock)
        {
            return _objects.ContainsKey(key);
        }
    }

    public T Snapshot(ResourceKey key)
    {
        lock (_lock)
        {
            return _objects[key].Deserialize(_typeInfo)!;
        }
    }

    public Task<T?> GetAsync(ResourceKey key, bool live, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Reads++;
            return Task.FromResult(_objects.TryGetValue(key, out var node) ? node.Deserialize(_typeInfo) : null);
        }
    }

    public Task<Cluster?> GetClusterAsync(string name, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Reads++;
            return Task.FromResult(_clusters.GetValueOrDefault(name));
        }
    }

    public Task<T?> PatchAsync(ResourceKey key, JsonObject mergePatch, CancellationToken cancellationToken) =>
        Task.FromResult(Write(key, mergePatch, status: false));

    public Task<T?> PatchStatusAsync(ResourceKey key, JsonObject mergePatch, CancellationToken cancellationToken) =>
        Task.FromResult(Write(key, mergePatch, status: true));

    private T? Write(ResourceKey key, JsonObject patch, bool status)
    {
        lock (_lock)
        {
            BeforeWrite?.Invoke(status ? "status" : "metadata");
            Writes++;
            WriteLog.Add((status ? "status " : "patch ") + patch.ToJsonString());
            if (!_objects.TryGetValue(key, out var node))
            {
                return null;
            }

            var expected = (string?)patch["metadata"]?["resourceVersion"];
            if (expected is not null && expected != (string?)node["metadata"]!["resourceVersion"])
            {
                throw new StoreConflictException();
            }

            var restricted = new JsonObject();
            if (status)
            {
                if (patch["status"] is { } s)
                {
                    restricted["status"] = s.DeepClone();
                }
            }
            else
            {
                foreach (var (name, value) in patch)
                {
                    if (name != "status")
                    {
                        restricted[name] = value?.DeepClone();
                    }
                }

                restricted["metadata"]?.AsObject().Remove("resourceVersion");
            }

            var updated = JsonMergePatch.Apply(node, restricted)!.AsObject();
            updated["metadata"]!["resourceVersion"] = NextVersion();
            if (updated["metadata"]?["deletionTimestamp"] is not null && updated["metadata"]?["finalizers"] is not JsonArray { Count: > 0 })
            {
                _objects.Remove(key);
                return null;
            }

            _objects[key] = updated;
            return updated.Deserialize(_typeInfo);
        }
    }

    private string NextVersion() => (++_resourceVersion).ToString(CultureInfo.InvariantCulture);
}
