using System.Diagnostics;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Metrics;
using GardenerMetal.Extensions.Telemetry;
using GardenerMetal.Kubernetes.Controllers;
using GardenerMetal.Kubernetes.Metrics;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.Extensions.Reconciliation;

/// <summary>
/// Runs an <see cref="ExtensionReconciler{T}"/> from a rate-limited work queue keyed by <c>namespace/name</c>:
/// at most <see cref="ExtensionControllerOptions.MaxConcurrentReconciles"/> keys at once, one worker per key,
/// per-key exponential backoff on errors, explicit RequeueAfter. Feed it watch events through
/// <see cref="OnAdd"/>/<see cref="OnUpdate"/>; deletes need no event (deletion runs through the finalizer).
/// Each reconcile runs in a <c>reconcile</c> span (<see cref="ReconcileTracing"/>) and a logging scope with the
/// controller, namespace, name and reconcile ID (as controller-runtime's log lines carry them); the queue and the
/// reconciles feed controller-runtime's metrics.
/// </summary>
/// <typeparam name="T">The extension kind.</typeparam>
public sealed class ExtensionController<T> : IDisposable
    where T : class, IExtensionResource
{
    private readonly ExtensionReconciler<T> _reconciler;
    private readonly ExtensionControllerOptions _options;
    private readonly bool _ignoreOperationAnnotation;
    private readonly ControllerMetrics _metrics;
    private readonly ILogger _logger;
    private readonly WorkQueue<string> _queue;

    public ExtensionController(string name, ExtensionReconciler<T> reconciler, ExtensionControllerOptions options, bool ignoreOperationAnnotation, ControllerMetrics metrics, ILogger logger, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(reconciler);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        Name = name;
        _reconciler = reconciler;
        _options = options;
        _ignoreOperationAnnotation = ignoreOperationAnnotation;
        _metrics = metrics;
        _logger = logger;
        _queue = new WorkQueue<string>(new ExponentialFailureRateLimiter<string>(options.BackoffBase, options.BackoffMax), time, metrics.WorkQueue, name);
    }

    /// <summary>The controller name (e.g. <c>infrastructure</c>), used in metrics and lease names.</summary>
    public string Name { get; }

    /// <summary>Keys waiting in the queue.</summary>
    public int QueueDepth => _queue.Count;

    /// <summary>Handles an add event (initial list or a new object).</summary>
    public void OnAdd(T resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (_reconciler.Handles(resource) && ExtensionTriggers.OnAdd(resource, _ignoreOperationAnnotation))
        {
            Enqueue(resource);
        }
    }

    /// <summary>Handles an update event.</summary>
    public void OnUpdate(T oldResource, T newResource)
    {
        ArgumentNullException.ThrowIfNull(newResource);
        if (_reconciler.Handles(newResource) && ExtensionTriggers.OnUpdate(oldResource, newResource, _ignoreOperationAnnotation))
        {
            Enqueue(newResource);
        }
    }

    /// <summary>Queues a key directly (e.g. for a related object's change).</summary>
    public void Enqueue(ResourceKey key) => _queue.Add(key.ToString());

    /// <summary>Runs the workers until <paramref name="cancellationToken"/> is cancelled, then lets in-flight reconciles finish (within the grace period).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        ControllerLog.Starting(_logger, Name, _options.MaxConcurrentReconciles);
        _metrics.Runtime.Initialize(Name);
        _metrics.Runtime.AddMaxConcurrentReconciles(Name, _options.MaxConcurrentReconciles);
        using var hardStop = new CancellationTokenSource();
        using var registration = cancellationToken.Register(() =>
        {
            _queue.ShutDown();
            hardStop.CancelAfter(_options.ShutdownGracePeriod);
        });

        var workers = Enumerable.Range(0, _options.MaxConcurrentReconciles)
            .Select(_ => Task.Run(() => WorkerAsync(cancellationToken, hardStop.Token), CancellationToken.None))
            .ToArray();
        var all = Task.WhenAll(workers);
        try
        {
            await all.WaitAsync(hardStop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
        {
            // Grace period over: in-flight reconciles were cancelled. Give them a moment to observe it, then stop
            // waiting for actuators that ignore cancellation (their objects are picked up again on the next start).
            ControllerLog.GraceOver(_logger, Name);
            await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None)).ConfigureAwait(false);
        }

        _metrics.Runtime.AddMaxConcurrentReconciles(Name, -_options.MaxConcurrentReconciles);
        ControllerLog.Stopped(_logger, Name);
    }

    public void Dispose() => _queue.Dispose();

    private void Enqueue(T resource) => _queue.Add(new ResourceKey(resource.Metadata.Namespace ?? "", resource.Metadata.Name ?? "").ToString());

    private async Task WorkerAsync(CancellationToken stopping, CancellationToken hardStop)
    {
        while (true)
        {
            var (key, shuttingDown) = await _queue.GetAsync(CancellationToken.None).ConfigureAwait(false);
            if (shuttingDown)
            {
                return;
            }

            if (stopping.IsCancellationRequested)
            {
                _queue.Done(key);
                return;
            }

            _metrics.AddActiveWorkers(Name, 1);
            var started = Stopwatch.GetTimestamp();
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            var resourceKey = slash < 0 ? new ResourceKey("", key) : new ResourceKey(key[..slash], key[(slash + 1)..]);
            var reconcileId = Guid.NewGuid().ToString();
            using var activity = ReconcileTracing.StartReconcile(Name, resourceKey.Namespace, resourceKey.Name, reconcileId);
            using var scope = _logger.BeginScope(new ReconcileScope(Name, resourceKey.Namespace, resourceKey.Name, reconcileId));
            try
            {
                var outcome = await _reconciler.ReconcileAsync(resourceKey, hardStop).ConfigureAwait(false);
                if (outcome.Error is { } failed)
                {
                    activity?.SetStatus(ActivityStatusCode.Error, string.Join(",", failed.Codes));
                }

                Handle(key, outcome, Stopwatch.GetElapsedTime(started));
            }
            catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
            {
                // Killed mid-reconcile: the next start picks the object up again (level-based, idempotent).
                activity?.SetStatus(ActivityStatusCode.Error, "cancelled");
            }
            finally
            {
                _metrics.AddActiveWorkers(Name, -1);
                _queue.Done(key);
            }
        }
    }

    private void Handle(string key, ReconcileOutcome outcome, TimeSpan duration)
    {
        if (outcome.Error is { } error)
        {
            _metrics.ObserveReconcile(Name, ReconcileResults.Error, duration);
            _metrics.ObserveError(Name, error.Codes);
            var delay = _queue.AddRateLimited(key, error.RetryAfter ?? TimeSpan.Zero);
            ControllerLog.Retry(_logger, key, delay, error.Description);
            return;
        }

        _queue.Forget(key);
        if (outcome.RequeueAfter is { } after)
        {
            _metrics.ObserveReconcile(Name, ReconcileResults.RequeueAfter, duration);
            _queue.AddAfter(key, after);
        }
        else
        {
            _metrics.ObserveReconcile(Name, ReconcileResults.Success, duration);
        }
    }
}
