using GardenerMetal.Kubernetes.Metrics;

namespace GardenerMetal.Kubernetes.Controllers;

/// <summary>
/// A rate-limited work queue with client-go semantics:
/// <list type="bullet">
/// <item>an item queued several times before it is taken is processed once (dedupe);</item>
/// <item>an item is never handed to two workers at once: adding it while it is being processed
/// defers it until <see cref="Done"/>;</item>
/// <item><see cref="AddRateLimited"/> re-queues with per-item exponential backoff, <see cref="Forget"/>
/// resets it, <see cref="NumRequeues"/> counts it; <see cref="AddAfter"/> delays;</item>
/// <item><see cref="ShutDown"/> wakes all workers; <see cref="GetAsync"/> then reports shutdown.</item>
/// </list>
/// Worker loop: <c>while (await q.GetAsync(ct) is (var key, false)) { try { …; q.Forget(key); } catch { q.AddRateLimited(key); } finally { q.Done(key); } }</c>.
/// </summary>
/// <typeparam name="T">The item type, usually a <c>namespace/name</c> key.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Named after client-go's workqueue, which controller authors know.")]
public sealed class WorkQueue<T> : IDisposable
    where T : notnull
{
    private readonly Lock _lock = new();
    private readonly Queue<T> _queue = new();
    private readonly HashSet<T> _dirty = [];
    private readonly HashSet<T> _processing = [];
    private readonly Dictionary<T, long> _waiting = [];
    private readonly List<TaskCompletionSource> _waiters = [];
    private readonly IRateLimiter<T> _rateLimiter;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly WorkQueueMetrics? _metrics;
    private readonly string _name;
    private readonly Dictionary<T, long> _addedAt = [];
    private readonly Dictionary<T, long> _startedAt = [];
    private bool _shuttingDown;

    /// <summary>Creates a queue.</summary>
    /// <param name="rateLimiter">Limiter for <see cref="AddRateLimited"/>; null for <see cref="RateLimiters.Default{T}"/>.</param>
    /// <param name="time">Clock for delays; null for the system clock.</param>
    /// <param name="metrics">client-go's <c>workqueue_*</c> metrics; null records none.</param>
    /// <param name="name">The queue's <c>name</c>/<c>controller</c> label (the controller name).</param>
    public WorkQueue(IRateLimiter<T>? rateLimiter = null, TimeProvider? time = null, WorkQueueMetrics? metrics = null, string? name = null)
    {
        _time = time ?? TimeProvider.System;
        _rateLimiter = rateLimiter ?? RateLimiters.Default<T>(_time);
        _metrics = metrics;
        _name = name ?? "";
        _metrics?.Initialize(_name);
    }

    /// <summary>Number of items waiting to be taken (not counting delayed or in-process ones).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>True once <see cref="ShutDown"/> was called.</summary>
    public bool ShuttingDown
    {
        get
        {
            lock (_lock)
            {
                return _shuttingDown;
            }
        }
    }

    /// <summary>Queues <paramref name="item"/> unless it is already queued; defers it while it is processed.</summary>
    /// <param name="item">The item.</param>
    public void Add(T item)
    {
        lock (_lock)
        {
            if (_shuttingDown || !_dirty.Add(item))
            {
                return;
            }

            if (_metrics is not null)
            {
                _metrics.Added(_name);
                _addedAt.TryAdd(item, _time.GetTimestamp());
            }

            if (_processing.Contains(item))
            {
                return;
            }

            _queue.Enqueue(item);
            WakeAllLocked();
        }
    }

    /// <summary>Queues <paramref name="item"/> after <paramref name="delay"/>; a pending earlier delay wins.</summary>
    /// <param name="item">The item.</param>
    /// <param name="delay">The delay; zero or negative adds at once.</param>
    public void AddAfter(T item, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(item);
            return;
        }

        long readyAt;
        lock (_lock)
        {
            if (_shuttingDown)
            {
                return;
            }

            readyAt = _time.GetTimestamp() + (long)(delay.TotalSeconds * _time.TimestampFrequency);
            if (_waiting.TryGetValue(item, out var existing) && existing <= readyAt)
            {
                return;
            }

            _waiting[item] = readyAt;
        }

        _ = FireAfterAsync(item, delay, readyAt);
    }

    /// <summary>
    /// Queues <paramref name="item"/> after the rate limiter's delay (per-item exponential backoff), or after
    /// <paramref name="atLeast"/> when that is longer (e.g. a server's Retry-After); counts a retry.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="atLeast">The shortest delay.</param>
    /// <returns>The delay applied.</returns>
    public TimeSpan AddRateLimited(T item, TimeSpan atLeast = default)
    {
        _metrics?.Retried(_name);
        var delay = _rateLimiter.NextDelay(item);
        if (atLeast > delay)
        {
            delay = atLeast;
        }

        AddAfter(item, delay);
        return delay;
    }

    /// <summary>Clears the backoff history of <paramref name="item"/>; call after it was processed successfully.</summary>
    /// <param name="item">The item.</param>
    public void Forget(T item) => _rateLimiter.Forget(item);

    /// <summary>How often <paramref name="item"/> was re-queued through <see cref="AddRateLimited"/> since <see cref="Forget"/>.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The count.</returns>
    public int NumRequeues(T item) => _rateLimiter.NumRequeues(item);

    /// <summary>
    /// Waits for the next item and marks it as being processed. Returns <c>ShuttingDown = true</c>
    /// (and a default item) once the queue is shut down and empty. Call <see cref="Done"/> for every item taken.
    /// </summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The item, or the shutdown signal.</returns>
    public async ValueTask<(T Item, bool ShuttingDown)> GetAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            TaskCompletionSource waiter;
            lock (_lock)
            {
                if (_queue.TryDequeue(out var item))
                {
                    _processing.Add(item);
                    _dirty.Remove(item);
                    if (_metrics is not null)
                    {
                        var now = _time.GetTimestamp();
                        _metrics.Taken(_name, _addedAt.Remove(item, out var added) ? _time.GetElapsedTime(added, now) : TimeSpan.Zero);
                        _startedAt[item] = now;
                    }

                    return (item, false);
                }

                if (_shuttingDown)
                {
                    return (default!, true);
                }

                waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add(waiter);
            }

            try
            {
                await waiter.Task.WaitAsync(cancellationToken);
            }
            finally
            {
                lock (_lock)
                {
                    _waiters.Remove(waiter);
                }
            }
        }
    }

    /// <summary>Marks <paramref name="item"/> as processed; if it was added meanwhile it is queued again now.</summary>
    /// <param name="item">The item.</param>
    public void Done(T item)
    {
        lock (_lock)
        {
            _processing.Remove(item);
            if (_metrics is not null && _startedAt.Remove(item, out var started))
            {
                _metrics.Finished(_name, _time.GetElapsedTime(started));
            }

            if (_dirty.Contains(item))
            {
                _queue.Enqueue(item);
                WakeAllLocked();
            }
        }
    }

    /// <summary>Stops accepting items and wakes all waiting workers; queued items are still handed out.</summary>
    public void ShutDown()
    {
        lock (_lock)
        {
            if (_shuttingDown)
            {
                return;
            }

            _shuttingDown = true;
            _waiting.Clear();
            WakeAllLocked();
        }

        _shutdown.Cancel();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ShutDown();
        _shutdown.Dispose();
    }

    private async Task FireAfterAsync(T item, TimeSpan delay, long readyAt)
    {
        try
        {
            await Task.Delay(delay, _time, _shutdown.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (_lock)
        {
            if (!_waiting.TryGetValue(item, out var current) || current != readyAt)
            {
                return; // superseded by an earlier AddAfter, or shut down
            }

            _waiting.Remove(item);
        }

        Add(item);
    }

    private void WakeAllLocked()
    {
        foreach (var waiter in _waiters)
        {
            waiter.TrySetResult();
        }

        _waiters.Clear();
    }
}
