using System.Globalization;
using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator.Http;

namespace GardenerMetal.KubeEmulator.Storage;

/// <summary>
/// All objects of one resource (every version shares it), behind one lock, with a bounded
/// window of recent events that watches resume from.
/// </summary>
internal sealed class ResourceStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, StoredObject> _objects = new(StringComparer.Ordinal);
    private readonly WatchEvent?[] _window;
    private readonly List<Watcher> _watchers = [];
    private readonly ResourceVersionClock _clock;
    private readonly int _watcherCapacity;
    private int _windowStart;
    private int _windowCount;
    private long _compactedRevision;

    public ResourceStore(string groupResource, string group, ResourceVersionClock clock, int windowSize, int watcherCapacity)
    {
        GroupResource = groupResource;
        Group = group;
        _clock = clock;
        _window = new WatchEvent?[Math.Max(1, windowSize)];
        _watcherCapacity = watcherCapacity;
    }

    public string GroupResource { get; }

    public string Group { get; }

    /// <summary>Raised after a committed change, outside the lock (garbage collector trigger).</summary>
    public event Action<WatchEvent>? Changed;

    public int WatcherCount
    {
        get
        {
            lock (_gate)
            {
                return _watchers.Count;
            }
        }
    }

    public bool TryGet(string key, out StoredObject obj)
    {
        lock (_gate)
        {
            return _objects.TryGetValue(key, out obj!);
        }
    }

    /// <summary>Every object sorted by key, and the resourceVersion the snapshot is consistent with.</summary>
    public List<StoredObject> Snapshot(out long resourceVersion)
    {
        List<StoredObject> items;
        lock (_gate)
        {
            items = [.. _objects.Values];
            resourceVersion = _clock.Current;
        }

        items.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return items;
    }

    public StoredObject Create(string key, JsonObject obj)
    {
        StoredObject stored;
        WatchEvent e;
        lock (_gate)
        {
            if (_objects.ContainsKey(key))
            {
                throw ApiException.AlreadyExists(GroupResource, (string)obj["metadata"]!["name"]!, Group);
            }

            stored = Stamp(key, obj);
            _objects[key] = stored;
            e = new WatchEvent(WatchEventType.Added, stored, null);
            PublishLocked(e);
        }

        Changed?.Invoke(e);
        return stored;
    }

    /// <summary>Replaces the object if it is still at <paramref name="expectedRevision"/>; null when it changed or vanished.</summary>
    public StoredObject? Update(string key, long expectedRevision, JsonObject obj)
    {
        StoredObject stored;
        WatchEvent e;
        lock (_gate)
        {
            if (!_objects.TryGetValue(key, out var current) || current.ResourceVersion != expectedRevision)
            {
                return null;
            }

            stored = Stamp(key, obj);
            _objects[key] = stored;
            e = new WatchEvent(WatchEventType.Modified, stored, current);
            PublishLocked(e);
        }

        Changed?.Invoke(e);
        return stored;
    }

    /// <summary>Removes the object if it is still at <paramref name="expectedRevision"/>; null when it changed or vanished.</summary>
    public StoredObject? Remove(string key, long expectedRevision)
    {
        StoredObject stored;
        WatchEvent e;
        lock (_gate)
        {
            if (!_objects.TryGetValue(key, out var current) || current.ResourceVersion != expectedRevision)
            {
                return null;
            }

            // Like kube-apiserver, the DELETED event carries a fresh resourceVersion.
            stored = Stamp(key, current.CloneObject());
            _objects.Remove(key);
            e = new WatchEvent(WatchEventType.Deleted, stored, current);
            PublishLocked(e);
        }

        Changed?.Invoke(e);
        return stored;
    }

    /// <summary>
    /// Starts a watcher. With <paramref name="fromRevision"/> null the current objects come first as ADDED;
    /// otherwise events after that revision are replayed from the window, or 410 Gone when it is too old.
    /// </summary>
    public Watcher Subscribe(long? fromRevision, out long startRevision)
    {
        var watcher = new Watcher(_watcherCapacity);
        lock (_gate)
        {
            startRevision = _clock.Current;
            if (fromRevision is null)
            {
                foreach (var obj in _objects.Values.OrderBy(o => o.ResourceVersion))
                {
                    watcher.Offer(new WatchEvent(WatchEventType.Added, obj, null));
                }
            }
            else
            {
                if (fromRevision.Value < _compactedRevision)
                {
                    throw ApiException.Gone(string.Create(
                        CultureInfo.InvariantCulture,
                        $"too old resource version: {fromRevision.Value} ({_compactedRevision + 1})"));
                }

                for (var i = 0; i < _windowCount; i++)
                {
                    var e = _window[(_windowStart + i) % _window.Length]!;
                    if (e.ResourceVersion > fromRevision.Value)
                    {
                        watcher.Offer(e);
                    }
                }
            }

            _watchers.Add(watcher);
        }

        return watcher;
    }

    public void Unsubscribe(Watcher watcher)
    {
        lock (_gate)
        {
            _watchers.Remove(watcher);
        }

        watcher.Close();
    }

    /// <summary>Closes every watcher (the resource stops being served).</summary>
    public void CloseAll()
    {
        lock (_gate)
        {
            foreach (var w in _watchers)
            {
                w.Close();
            }

            _watchers.Clear();
        }
    }

    /// <summary>The oldest revision a watch may still resume from.</summary>
    public long CompactedRevision
    {
        get
        {
            lock (_gate)
            {
                return _compactedRevision;
            }
        }
    }

    private StoredObject Stamp(string key, JsonObject obj)
    {
        var rv = _clock.Next();
        var metadata = (JsonObject)obj["metadata"]!;
        metadata["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture);
        return new StoredObject(key, obj, rv);
    }

    private void PublishLocked(WatchEvent e)
    {
        if (_windowCount == _window.Length)
        {
            _compactedRevision = _window[_windowStart]!.ResourceVersion;
            _window[_windowStart] = e;
            _windowStart = (_windowStart + 1) % _window.Length;
        }
        else
        {
            _window[(_windowStart + _windowCount) % _window.Length] = e;
            _windowCount++;
        }

        foreach (var w in _watchers)
        {
            w.Offer(e);
        }
    }
}
