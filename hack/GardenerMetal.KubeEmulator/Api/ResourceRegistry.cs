using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator.Storage;

namespace GardenerMetal.KubeEmulator.Api;

/// <summary>Which resources are served (built-ins plus established CRDs) and their stores.</summary>
internal sealed class ResourceRegistry
{
    private readonly object _gate = new();
    private readonly ResourceVersionClock _clock;
    private readonly int _windowSize;
    private readonly int _watcherCapacity;
    private readonly Dictionary<string, ResourceStore> _stores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ResourceType>> _crdTypes = new(StringComparer.Ordinal);
    private volatile Snapshot _snapshot;

    public ResourceRegistry(ResourceVersionClock clock, int windowSize, int watcherCapacity)
    {
        _clock = clock;
        _windowSize = windowSize;
        _watcherCapacity = watcherCapacity;
        _snapshot = Build();
    }

    /// <summary>Raised (outside the lock) when a store is created, so the garbage collector can listen to it.</summary>
    public event Action<ResourceStore>? StoreAdded;

    public IReadOnlyList<ResourceType> All => _snapshot.Types;

    public ResourceType? Find(string group, string version, string plural) =>
        _snapshot.ByPath.GetValueOrDefault($"{group}/{version}/{plural}");

    public ResourceType? FindByKind(string apiVersion, string kind) =>
        _snapshot.ByKind.GetValueOrDefault($"{apiVersion}/{kind}");

    public ResourceStore StoreFor(ResourceType type)
    {
        var snapshot = _snapshot;
        if (snapshot.Stores.TryGetValue(type.StoreKey, out var store))
        {
            return store;
        }

        lock (_gate)
        {
            return _stores[type.StoreKey];
        }
    }

    public IReadOnlyList<(ResourceType Type, ResourceStore Store)> StoresWithType()
    {
        var snapshot = _snapshot;
        return [.. snapshot.Types.Where(t => t.Storage).Select(t => (t, snapshot.Stores[t.StoreKey]))];
    }

    /// <summary>Served group/versions: group → versions, preferred first.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> Groups => _snapshot.Groups;

    /// <summary>Starts (or updates) serving the versions of a CRD.</summary>
    public void RegisterCrd(string crdName, IReadOnlyList<ResourceType> versions)
    {
        ResourceStore? added = null;
        lock (_gate)
        {
            _crdTypes[crdName] = [.. versions];
            var key = versions[0].StoreKey;
            if (!_stores.ContainsKey(key))
            {
                added = new ResourceStore(versions[0].GroupResource, versions[0].Group, _clock, _windowSize, _watcherCapacity);
                _stores[key] = added;
            }

            _snapshot = Build();
        }

        if (added is not null)
        {
            StoreAdded?.Invoke(added);
        }
    }

    /// <summary>Stops serving a CRD's resource and drops its objects.</summary>
    public void UnregisterCrd(string crdName)
    {
        ResourceStore? removed = null;
        lock (_gate)
        {
            if (_crdTypes.Remove(crdName, out var versions))
            {
                _stores.Remove(versions[0].StoreKey, out removed);
                _snapshot = Build();
            }
        }

        removed?.CloseAll();
    }

    private Snapshot Build()
    {
        var types = new List<ResourceType>(BuiltinResources.All);
        foreach (var list in _crdTypes.Values)
        {
            types.AddRange(list);
        }

        foreach (var t in types)
        {
            if (!_stores.ContainsKey(t.StoreKey))
            {
                _stores[t.StoreKey] = new ResourceStore(t.GroupResource, t.Group, _clock, _windowSize, _watcherCapacity);
            }
        }

        var byPath = new Dictionary<string, ResourceType>(StringComparer.Ordinal);
        var byKind = new Dictionary<string, ResourceType>(StringComparer.Ordinal);
        foreach (var t in types)
        {
            byPath[$"{t.Group}/{t.Version}/{t.Plural}"] = t;
            byKind[$"{t.ApiVersion}/{t.Kind}"] = t;
        }

        var groups = types
            .GroupBy(t => t.Group)
            .OrderBy(g => g.Key.Length == 0 ? 0 : 1)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<string>)[.. g.Select(t => t.Version).Distinct().OrderByDescending(VersionPriority)]))
            .ToList();
        return new Snapshot(types, byPath, byKind, new Dictionary<string, ResourceStore>(_stores, StringComparer.Ordinal), groups);
    }

    /// <summary>Kubernetes version priority: GA over beta over alpha, then higher numbers first.</summary>
    internal static int VersionPriority(string version)
    {
        var m = System.Text.RegularExpressions.Regex.Match(version, @"^v(\d+)(?:(alpha|beta)(\d+))?$");
        if (!m.Success)
        {
            return 0;
        }

        var major = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var stage = m.Groups[2].Value switch { "" => 3, "beta" => 2, _ => 1 };
        var minor = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (stage * 1_000_000) + (major * 1000) + minor;
    }

    private sealed record Snapshot(
        IReadOnlyList<ResourceType> Types,
        Dictionary<string, ResourceType> ByPath,
        Dictionary<string, ResourceType> ByKind,
        Dictionary<string, ResourceStore> Stores,
        IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> Groups);
}
