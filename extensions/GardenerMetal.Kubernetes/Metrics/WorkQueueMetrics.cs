using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GardenerMetal.Kubernetes.Metrics;

/// <summary>
/// client-go's work queue metrics as controller-runtime registers them, labelled <c>name</c> and <c>controller</c> (both the
/// queue's name): <c>workqueue_depth</c>, <c>workqueue_adds_total</c>, <c>workqueue_queue_duration_seconds</c>,
/// <c>workqueue_work_duration_seconds</c> (buckets 1e-8 s … 1e3 s, ×10) and <c>workqueue_retries_total</c>. Thread-safe.
/// </summary>
public sealed class WorkQueueMetrics : IDisposable
{
    /// <summary>client-go's duration buckets: <c>prometheus.ExponentialBuckets(10e-9, 10, 12)</c>.</summary>
    public static readonly IReadOnlyList<double> DurationBuckets = [1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100, 1000];

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly UpDownCounter<long> _depth;
    private readonly Counter<long> _adds;
    private readonly Histogram<double> _queueDuration;
    private readonly Histogram<double> _workDuration;
    private readonly Counter<long> _retries;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>, or on an own meter when null.</summary>
    public WorkQueueMetrics(IMeterFactory? meterFactory = null)
    {
        (_meter, _ownsMeter) = KubernetesMeters.Create(meterFactory);
        var advice = new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets };
        _depth = _meter.CreateUpDownCounter<long>("workqueue_depth", description: "Current depth of workqueue");
        _adds = _meter.CreateCounter<long>("workqueue_adds_total", description: "Total number of adds handled by workqueue");
        _queueDuration = _meter.CreateHistogram<double>("workqueue_queue_duration_seconds", "s", "How long in seconds an item stays in workqueue before being requested", null, advice);
        _workDuration = _meter.CreateHistogram<double>("workqueue_work_duration_seconds", "s", "How long in seconds processing an item from workqueue takes", null, advice);
        _retries = _meter.CreateCounter<long>("workqueue_retries_total", description: "Total number of retries handled by workqueue");
    }

    /// <summary>Makes the counters of a new queue appear at zero (as client-go's do once a queue exists).</summary>
    public void Initialize(string queue)
    {
        var tags = Tags(queue);
        _depth.Add(0, tags);
        _adds.Add(0, tags);
        _retries.Add(0, tags);
    }

    /// <summary>An item was queued (not a duplicate): depth +1, adds +1.</summary>
    public void Added(string queue)
    {
        var tags = Tags(queue);
        _depth.Add(1, tags);
        _adds.Add(1, tags);
    }

    /// <summary>An item was handed to a worker after waiting <paramref name="waited"/>: depth −1.</summary>
    public void Taken(string queue, TimeSpan waited)
    {
        var tags = Tags(queue);
        _depth.Add(-1, tags);
        _queueDuration.Record(waited.TotalSeconds, tags);
    }

    /// <summary>A worker finished an item after <paramref name="worked"/>.</summary>
    public void Finished(string queue, TimeSpan worked) => _workDuration.Record(worked.TotalSeconds, Tags(queue));

    /// <summary>An item was re-queued with backoff after a failure.</summary>
    public void Retried(string queue) => _retries.Add(1, Tags(queue));

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private static TagList Tags(string queue) => new() { { "name", queue }, { "controller", queue } };
}
