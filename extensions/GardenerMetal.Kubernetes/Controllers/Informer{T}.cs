using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using GardenerMetal.Kubernetes.Errors;
using GardenerMetal.Kubernetes.Models;
using GardenerMetal.Kubernetes.Selectors;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.Kubernetes.Controllers;

/// <summary>
/// Keeps a local cache of one resource up to date by list + watch (client-go SharedInformer):
/// lists page by page, watches from the list's resourceVersion with bookmarks, re-watches when the
/// server ends a watch, relists on 410 Gone (and after errors, with backoff), and re-delivers every
/// cached object as an update each <see cref="InformerOptions.ResyncPeriod"/>.
/// Handlers run one at a time, in event order; keep them short (enqueue a key).
/// Example: <c>var inf = new Informer&lt;Secret&gt;(client.Secrets, new() { Namespace = "ns" });
/// inf.AddEventHandler(onAdd: s => q.Add(Keys.For(s))); _ = inf.RunAsync(ct); await inf.WaitForSyncAsync(ct);</c>
/// </summary>
/// <typeparam name="T">The object type (<see cref="IKubernetesObject"/> model or <see cref="JsonObject"/>).</typeparam>
public sealed partial class Informer<T>
    where T : class
{
    private static readonly TimeSpan MinBackoff = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private readonly ResourceClient<T> _client;
    private readonly InformerOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, T> _cache = new(StringComparer.Ordinal);
    private readonly List<InformerHandler> _handlers = [];
    private readonly Lock _dispatch = new();
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _running;

    /// <summary>Creates an informer; nothing happens until <see cref="RunAsync"/>.</summary>
    /// <param name="client">The resource to watch.</param>
    /// <param name="options">Namespace, selectors, resync period.</param>
    public Informer(ResourceClient<T> client, InformerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _options = options ?? new InformerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.PageSize, 1, nameof(options) + ".PageSize");
        _logger = client.Client.LoggerFactory.CreateLogger($"GardenerMetal.Kubernetes.Informer.{client.Resource.Plural}");
    }

    /// <summary>True once the first list has been loaded into the cache.</summary>
    public bool HasSynced => _synced.Task.IsCompleted;

    /// <summary>resourceVersion of the last list, event or bookmark seen.</summary>
    public string? LastResourceVersion { get; private set; }

    /// <summary>How many times the informer listed (1 + relists).</summary>
    public int ListCount { get; private set; }

    /// <summary>Number of cached objects.</summary>
    public int Count => _cache.Count;

    /// <summary>Registers handlers. Register before <see cref="RunAsync"/> to see every object as an add.</summary>
    /// <param name="onAdd">Called for a new object.</param>
    /// <param name="onUpdate">Called with (old, new) for a change, and with (obj, obj) on resync.</param>
    /// <param name="onDelete">Called with the last known state of a deleted object.</param>
    public void AddEventHandler(Action<T>? onAdd = null, Action<T, T>? onUpdate = null, Action<T>? onDelete = null)
    {
        lock (_dispatch)
        {
            _handlers.Add(new InformerHandler(onAdd, onUpdate, onDelete));
        }
    }

    /// <summary>Waits until the first list is in the cache.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task completing when synced.</returns>
    public Task WaitForSyncAsync(CancellationToken cancellationToken = default) => _synced.Task.WaitAsync(cancellationToken);

    /// <summary>The cached object with this namespace and name, or null.</summary>
    /// <param name="namespace">Namespace (null for cluster-scoped).</param>
    /// <param name="name">Name.</param>
    /// <returns>The object or null.</returns>
    public T? Get(string? @namespace, string name) => GetByKey(ObjectKey.Create(@namespace, name));

    /// <summary>The cached object with this key (<c>namespace/name</c> or <c>name</c>), or null.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The object or null.</returns>
    public T? GetByKey(string key) => _cache.TryGetValue(key, out var obj) ? obj : null;

    /// <summary>All cached objects, optionally filtered by namespace and labels.</summary>
    /// <param name="namespace">Namespace filter; null for all.</param>
    /// <param name="selector">Label filter; null for all.</param>
    /// <returns>A snapshot list.</returns>
    public IReadOnlyList<T> List(string? @namespace = null, LabelSelector? selector = null)
        => [.. _cache.Values.Where(o =>
            (@namespace is null || ObjectAccess.Namespace(o) == @namespace) &&
            (selector is null || selector.Matches(ObjectAccess.Labels(o))))];

    /// <summary>Runs list + watch until <paramref name="cancellationToken"/> fires. Call once.</summary>
    /// <param name="cancellationToken">Stops the informer.</param>
    /// <returns>A task that completes (without throwing) when cancelled.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _running, 1) != 0)
        {
            throw new InvalidOperationException("Informer.RunAsync was already called.");
        }

        using var resync = _options.ResyncPeriod is { } period && period > TimeSpan.Zero
            ? new Timer(_ => Resync(), null, period, period)
            : null;
        var backoff = MinBackoff;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await ListAsync(cancellationToken);
                backoff = MinBackoff;
                await WatchUntilGoneAsync(cancellationToken);
                LogRelist(_logger, _client.Resource.Plural);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (KubernetesGoneException)
            {
                LogRelist(_logger, _client.Resource.Plural);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Any other failure (API error, malformed event, connection loss): back off, then relist.
                LogListWatchFailed(_logger, _client.Resource.Plural, backoff.TotalMilliseconds, ex);
                try
                {
                    await Task.Delay(backoff, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
            }
        }
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        var fresh = new Dictionary<string, T>(StringComparer.Ordinal);
        var options = new ListOptions { LabelSelector = _options.LabelSelector, FieldSelector = _options.FieldSelector, Limit = _options.PageSize };
        string? resourceVersion;
        while (true)
        {
            var page = await _client.ListAsync(_options.Namespace, options, cancellationToken);
            foreach (var item in page.Items)
            {
                Trim(item);
                fresh[ObjectAccess.Key(item)] = item;
            }

            resourceVersion = page.Metadata.ResourceVersion;
            if (string.IsNullOrEmpty(page.Metadata.Continue))
            {
                break;
            }

            options = options with { Continue = page.Metadata.Continue };
        }

        lock (_dispatch)
        {
            foreach (var (key, old) in _cache)
            {
                if (!fresh.ContainsKey(key) && _cache.TryRemove(key, out _))
                {
                    Deliver(h => h.OnDelete?.Invoke(old));
                }
            }

            foreach (var (key, obj) in fresh)
            {
                if (_cache.TryGetValue(key, out var old))
                {
                    _cache[key] = obj;
                    if (ObjectAccess.ResourceVersion(old) != ObjectAccess.ResourceVersion(obj))
                    {
                        Deliver(h => h.OnUpdate?.Invoke(old, obj));
                    }
                }
                else
                {
                    _cache[key] = obj;
                    Deliver(h => h.OnAdd?.Invoke(obj));
                }
            }

            LastResourceVersion = resourceVersion;
            ListCount++;
        }

        _synced.TrySetResult();
        LogListed(_logger, _client.Resource.Plural, fresh.Count, resourceVersion);
    }

    /// <summary>Watches (re-watching when the server ends a stream) until 410 Gone; throws on other errors.</summary>
    private async Task WatchUntilGoneAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var options = new WatchOptions
            {
                ResourceVersion = LastResourceVersion,
                AllowWatchBookmarks = true,
                LabelSelector = _options.LabelSelector,
                FieldSelector = _options.FieldSelector,
                Timeout = _options.WatchTimeout,
            };
            await foreach (var evt in _client.WatchAsync(_options.Namespace, options, cancellationToken))
            {
                if (evt.Type == WatchEventType.Error)
                {
                    var status = evt.Status;
                    if (status?.Code == 410 || status?.Reason is "Expired" or "Gone")
                    {
                        return;
                    }

                    throw KubernetesErrors.FromStatus(status?.Code ?? 0, status, $"GET {_client.Resource.PathFor(_options.Namespace)} (watch)");
                }

                Apply(evt);
            }
        }
    }

    private void Apply(WatchEvent<T> evt)
    {
        var obj = evt.Item!;
        lock (_dispatch)
        {
            LastResourceVersion = ObjectAccess.ResourceVersion(obj) ?? LastResourceVersion;
            if (evt.Type == WatchEventType.Bookmark)
            {
                return;
            }

            Trim(obj);
            var key = ObjectAccess.Key(obj);
            switch (evt.Type)
            {
                case WatchEventType.Added:
                case WatchEventType.Modified:
                    if (_cache.TryGetValue(key, out var old))
                    {
                        _cache[key] = obj;
                        Deliver(h => h.OnUpdate?.Invoke(old, obj));
                    }
                    else
                    {
                        _cache[key] = obj;
                        Deliver(h => h.OnAdd?.Invoke(obj));
                    }

                    break;
                case WatchEventType.Deleted:
                    var last = _cache.TryRemove(key, out var cached) ? cached : obj;
                    Deliver(h => h.OnDelete?.Invoke(obj ?? last));
                    break;
            }
        }
    }

    private void Resync()
    {
        lock (_dispatch)
        {
            foreach (var obj in _cache.Values)
            {
                Deliver(h => h.OnUpdate?.Invoke(obj, obj));
            }
        }
    }

    private void Deliver(Action<InformerHandler> call)
    {
        foreach (var handler in _handlers)
        {
            try
            {
                call(handler);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogHandlerFailed(_logger, _client.Resource.Plural, ex);
            }
        }
    }

    private void Trim(T obj)
    {
        if (!_options.DropManagedFields)
        {
            return;
        }

        switch (obj)
        {
            case IKubernetesObject k:
                k.Metadata?.ExtensionData?.Remove("managedFields");
                break;
            case JsonObject j when j["metadata"] is JsonObject meta:
                meta.Remove("managedFields");
                break;
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "Listed {Resource}: {Count} objects at resourceVersion {ResourceVersion}")]
    private static partial void LogListed(ILogger logger, string resource, int count, string? resourceVersion);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Watch of {Resource} expired (410 Gone); relisting")]
    private static partial void LogRelist(ILogger logger, string resource);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "List/watch of {Resource} failed; retrying in {DelayMs} ms")]
    private static partial void LogListWatchFailed(ILogger logger, string resource, double delayMs, Exception exception);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "An informer event handler for {Resource} threw")]
    private static partial void LogHandlerFailed(ILogger logger, string resource, Exception exception);

    private sealed record InformerHandler(Action<T>? OnAdd, Action<T, T>? OnUpdate, Action<T>? OnDelete);
}
