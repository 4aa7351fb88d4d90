using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GardenerMetal.Kubernetes.Metrics;

/// <summary>
/// The reconcile metrics of controller-runtime, under its names and label sets, on the <see cref="MeterName"/> meter:
/// <c>controller_runtime_reconcile_total{controller,result}</c> (result success, error, requeue, requeue_after),
/// <c>controller_runtime_reconcile_errors_total{controller}</c>, <c>controller_runtime_reconcile_time_seconds{controller}</c>
/// (controller-runtime's buckets), <c>controller_runtime_active_workers{controller}</c>,
/// <c>controller_runtime_max_concurrent_reconciles{controller}</c> and <c>leader_election_master_status{name}</c>.
/// Thread-safe; recording costs nothing while no exporter listens.
/// </summary>
public sealed class ControllerRuntimeMetrics : IDisposable
{
    /// <summary>The meter of every Kubernetes controller metric (controller-runtime, workqueue, rest client).</summary>
    public const string MeterName = "GardenerMetal.Kubernetes";

    /// <summary>controller-runtime's reconcile time buckets in seconds (pkg/internal/controller/metrics).</summary>
    public static readonly IReadOnlyList<double> ReconcileTimeBuckets =
        [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60];

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _reconcileTotal;
    private readonly Counter<long> _reconcileErrors;
    private readonly Histogram<double> _reconcileTime;
    private readonly UpDownCounter<long> _activeWorkers;
    private readonly UpDownCounter<long> _maxConcurrentReconciles;
    private readonly UpDownCounter<long> _leader;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>, or on an own meter when null.</summary>
    public ControllerRuntimeMetrics(IMeterFactory? meterFactory = null)
    {
        (_meter, _ownsMeter) = KubernetesMeters.Create(meterFactory);
        _reconcileTotal = _meter.CreateCounter<long>("controller_runtime_reconcile_total", description: "Total number of reconciliations per controller");
        _reconcileErrors = _meter.CreateCounter<long>("controller_runtime_reconcile_errors_total", description: "Total number of reconciliation errors per controller");
        _reconcileTime = _meter.CreateHistogram<double>(
            "controller_runtime_reconcile_time_seconds",
            unit: "s",
            description: "Length of time per reconciliation per controller",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ReconcileTimeBuckets });
        _activeWorkers = _meter.CreateUpDownCounter<long>("controller_runtime_active_workers", description: "Number of currently used workers per controller");
        _maxConcurrentReconciles = _meter.CreateUpDownCounter<long>("controller_runtime_max_concurrent_reconciles", description: "Maximum number of concurrent reconciles per controller");
        _leader = _meter.CreateUpDownCounter<long>("leader_election_master_status", description: "Gauge of if the reporting system is master of the relevant lease, 0 indicates backup, 1 indicates master. 'name' is the string used to identify the lease.");
    }

    /// <summary>Makes the reconcile counters of a starting controller appear at zero for every result (as controller-runtime does).</summary>
    public void Initialize(string controller)
    {
        foreach (var result in new[] { ReconcileResults.Success, ReconcileResults.Error, ReconcileResults.RequeueAfter })
        {
            _reconcileTotal.Add(0, new TagList { { "controller", controller }, { "result", result } });
        }

        _reconcileErrors.Add(0, new KeyValuePair<string, object?>("controller", controller));
        _activeWorkers.Add(0, new KeyValuePair<string, object?>("controller", controller));
    }

    /// <summary>Counts one reconcile of <paramref name="controller"/> with its <paramref name="result"/> (see <see cref="ReconcileResults"/>) and time.</summary>
    public void ObserveReconcile(string controller, string result, TimeSpan duration)
    {
        var tags = new TagList { { "controller", controller }, { "result", result } };
        _reconcileTotal.Add(1, tags);
        if (result == ReconcileResults.Error)
        {
            _reconcileErrors.Add(1, new KeyValuePair<string, object?>("controller", controller));
        }

        _reconcileTime.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("controller", controller));
    }

    /// <summary>Adds <paramref name="delta"/> to the workers of <paramref name="controller"/> currently reconciling.</summary>
    public void AddActiveWorkers(string controller, int delta) => _activeWorkers.Add(delta, new KeyValuePair<string, object?>("controller", controller));

    /// <summary>Records the worker count of a starting controller (call with the negative count when it stops).</summary>
    public void AddMaxConcurrentReconciles(string controller, int delta) => _maxConcurrentReconciles.Add(delta, new KeyValuePair<string, object?>("controller", controller));

    /// <summary>Records that this replica took (<c>true</c>) or lost (<c>false</c>) the lease <paramref name="name"/>.</summary>
    public void SetLeader(string name, bool leader) => _leader.Add(leader ? 1 : -1, new KeyValuePair<string, object?>("name", name));

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
