using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator.Http;
using GardenerMetal.KubeEmulator.Storage;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.KubeEmulator.Api;

/// <summary>
/// Background garbage collection like kube-controller-manager's: deletes dependents whose owners are
/// all gone, handles the orphan and foregroundDeletion finalizers, and empties terminating namespaces.
/// </summary>
internal sealed class GarbageCollector : IAsyncDisposable
{
    private readonly ObjectService _service;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _signal = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _pending;
    private bool _waiting;

    public GarbageCollector(ObjectService service, ILogger logger)
    {
        _service = service;
        _logger = logger;
        _service.DeletionHappened += Signal;
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    public void Signal()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 0)
        {
            _signal.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _service.DeletionHappened -= Signal;
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
        _signal.Dispose();
    }

    private async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            // Wake on a deletion, and re-check now and then for work that waits on other objects.
            var signalled = await _signal.WaitAsync(TimeSpan.FromSeconds(1), ct);
            Interlocked.Exchange(ref _pending, 0);
            if (!signalled && !_waiting)
            {
                continue;
            }

            try
            {
                _waiting = await SweepAsync(ct);
            }
            catch (Exception ex) when (ex is ApiException or InvalidOperationException or KeyNotFoundException)
            {
                Log.GcFailed(_logger, ex);
            }
        }
    }

    /// <summary>One pass; true when some deletion still waits on other objects.</summary>
    internal async Task<bool> SweepAsync(CancellationToken ct)
    {
        var all = SnapshotAll();
        HashSet<string>? liveUids = null;

        var byUid = all.ToDictionary(x => x.Obj.Uid, StringComparer.Ordinal);
        var dependents = new Dictionary<string, List<(ResourceType Type, StoredObject Obj)>>(StringComparer.Ordinal);
        foreach (var entry in all)
        {
            foreach (var owner in Owners(entry.Obj.Object))
            {
                if (!dependents.TryGetValue(owner, out var list))
                {
                    dependents[owner] = list = [];
                }

                list.Add(entry);
            }
        }

        var waiting = false;
        foreach (var (type, obj) in all)
        {
            var owners = Owners(obj.Object);
            if (owners.Count > 0 && owners.All(o => !byUid.ContainsKey(o)) && obj.Metadata["deletionTimestamp"] is null)
            {
                // The stores are read one after another, so an owner created after its store was read but before its
                // dependent's store was looks absent. Like kube's collector, confirm against a fresh read before deleting.
                liveUids ??= SnapshotAll().Select(x => x.Obj.Uid).ToHashSet(StringComparer.Ordinal);
                if (owners.All(o => !liveUids.Contains(o)))
                {
                    await TryAsync(() => _service.DeleteAsync(type, obj.Namespace, obj.Name, new DeleteRequest { SkipAdmission = true, PreconditionUid = obj.Uid }, ct));
                }

                continue;
            }

            if (obj.Metadata["deletionTimestamp"] is null)
            {
                continue;
            }

            var finalizers = ObjectMetaRules.Finalizers(obj.Object);
            waiting = true;
            var deps = dependents.GetValueOrDefault(obj.Uid) ?? [];
            if (finalizers.Contains("orphan"))
            {
                foreach (var (depType, dep) in deps)
                {
                    await TryAsync(() => _service.PatchAsync(depType, dep.Namespace, dep.Name, null, "json", RemoveOwnerPatch(dep, obj.Uid), WriteOptions.Internal, ct));
                }

                await RemoveFinalizerAsync(type, obj, "orphan", ct);
            }
            else if (finalizers.Contains("foregroundDeletion"))
            {
                if (deps.Count == 0)
                {
                    await RemoveFinalizerAsync(type, obj, "foregroundDeletion", ct);
                }
                else
                {
                    foreach (var (depType, dep) in deps.Where(d => d.Obj.Metadata["deletionTimestamp"] is null))
                    {
                        await TryAsync(() => _service.DeleteAsync(depType, dep.Namespace, dep.Name, new DeleteRequest { SkipAdmission = true, PropagationPolicy = "Foreground" }, ct));
                    }
                }
            }
            else if (type == BuiltinResources.Namespaces)
            {
                var contents = all.Where(x => x.Type.Namespaced && x.Obj.Namespace == obj.Name).ToList();
                foreach (var (t, o) in contents.Where(c => c.Obj.Metadata["deletionTimestamp"] is null))
                {
                    await TryAsync(() => _service.DeleteAsync(t, o.Namespace, o.Name, new DeleteRequest { SkipAdmission = true }, ct));
                }

                if (contents.Count == 0 && finalizers.Count == 0)
                {
                    _service.Registry.StoreFor(type).Remove(obj.Key, obj.ResourceVersion);
                }
            }
        }

        return waiting;
    }

    private async Task RemoveFinalizerAsync(ResourceType type, StoredObject obj, string finalizer, CancellationToken ct)
    {
        var remaining = ObjectMetaRules.Finalizers(obj.Object).Where(f => f != finalizer).ToList();
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = obj.Metadata["resourceVersion"]?.DeepClone(),
                ["finalizers"] = new JsonArray([.. remaining.Select(f => (JsonNode)JsonValue.Create(f))]),
            },
        };
        await TryAsync(() => _service.PatchAsync(type, obj.Namespace, obj.Name, null, "merge", patch, WriteOptions.Internal, ct));
    }

    private static JsonArray RemoveOwnerPatch(StoredObject dep, string ownerUid)
    {
        var refs = (JsonArray)dep.Metadata["ownerReferences"]!;
        var kept = new JsonArray([.. refs.Where(r => r?["uid"]?.ToString() != ownerUid).Select(r => r?.DeepClone())]);
        return new JsonArray(
            new JsonObject { ["op"] = "test", ["path"] = "/metadata/resourceVersion", ["value"] = dep.Metadata["resourceVersion"]?.DeepClone() },
            new JsonObject { ["op"] = "replace", ["path"] = "/metadata/ownerReferences", ["value"] = kept });
    }

    private static List<string> Owners(JsonObject obj) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray)?.Select(r => r?["uid"]?.ToString() ?? string.Empty).Where(u => u.Length > 0).ToList() ?? [];

    private static async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (ApiException ex) when (ex.Code is 404 or 409 or 422)
        {
            // Changed or gone meanwhile; the next sweep looks again.
        }
    }

    private List<(ResourceType Type, StoredObject Obj)> SnapshotAll()
    {
        var all = new List<(ResourceType Type, StoredObject Obj)>();
        foreach (var (type, store) in _service.Registry.StoresWithType())
        {
            foreach (var obj in store.Snapshot(out _))
            {
                all.Add((type, obj));
            }
        }

        return all;
    }
}
