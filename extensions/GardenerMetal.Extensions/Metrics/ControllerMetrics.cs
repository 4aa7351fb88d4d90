using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using GardenerMetal.Kubernetes.Metrics;

namespace GardenerMetal.Extensions.Metrics;

/// <summary>
/// The metrics of a controller host, recorded through <see cref="System.Diagnostics.Metrics"/> and exported by the
/// OpenTelemetry Prometheus exporter on /metrics: controller-runtime's reconcile metrics (<see cref="Runtime"/>),
/// client-go's work queue metrics (<see cref="WorkQueue"/>) and, Gardener-specific,
/// <c>gardener_extension_reconcile_errors_total{controller,code}</c> (failed reconciles by Gardener error code).
/// Also keeps per-host totals for tests and benchmarks. Thread-safe.
/// </summary>
public sealed class ControllerMetrics : IDisposable
{
    /// <summary>The meter of the Gardener-specific metrics.</summary>
    public const string MeterName = "GardenerMetal.Extensions";

    private readonly ConcurrentDictionary<(string Controller, string Result), long> _reconciles = new();
    private readonly ConcurrentDictionary<(string Controller, string Code), long> _errors = new();
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _errorCodes;

    /// <summary>Creates the instruments on meters from <paramref name="meterFactory"/> (the host's), or on own meters when null.</summary>
    public ControllerMetrics(IMeterFactory? meterFactory = null)
    {
        Runtime = new ControllerRuntimeMetrics(meterFactory);
        WorkQueue = new WorkQueueMetrics(meterFactory);
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _errorCodes = _meter.CreateCounter<long>("gardener_extension_reconcile_errors_total", description: "Failed reconciles by controller and Gardener error code (unknown when the error has none)");
    }

    /// <summary>controller-runtime's <c>controller_runtime_*</c> and <c>leader_election_master_status</c>.</summary>
    public ControllerRuntimeMetrics Runtime { get; }

    /// <summary>client-go's <c>workqueue_*</c>, for the controllers' queues.</summary>
    public WorkQueueMetrics WorkQueue { get; }

    /// <summary>Counts one reconcile with its result (<see cref="ReconcileResults"/>) and duration.</summary>
    public void ObserveReconcile(string controller, string result, TimeSpan duration)
    {
        _reconciles.AddOrUpdate((controller, result), 1, (_, v) => v + 1);
        Runtime.ObserveReconcile(controller, result, duration);
    }

    /// <summary>Counts the Gardener error codes of a failed reconcile (an error without codes counts as <c>unknown</c>).</summary>
    public void ObserveError(string controller, IReadOnlyList<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        foreach (var code in codes.Count == 0 ? ["unknown"] : codes)
        {
            _errors.AddOrUpdate((controller, code), 1, (_, v) => v + 1);
            _errorCodes.Add(1, new TagList { { "controller", controller }, { "code", code } });
        }
    }

    /// <summary>Adds to the number of workers currently reconciling.</summary>
    public void AddActiveWorkers(string controller, int delta) => Runtime.AddActiveWorkers(controller, delta);

    /// <summary>Sets whether this replica leads the controller (lease name label).</summary>
    public void SetLeader(string lease, bool leader) => Runtime.SetLeader(lease, leader);

    /// <summary>Total reconciles of a controller of this host with a result (for tests and benchmarks).</summary>
    public long Reconciles(string controller, string result) => _reconciles.GetValueOrDefault((controller, result));

    /// <summary>Failed reconciles of a controller of this host with a Gardener error code (for tests).</summary>
    public long Errors(string controller, string code) => _errors.GetValueOrDefault((controller, code));

    /// <inheritdoc />
    public void Dispose()
    {
        Runtime.Dispose();
        WorkQueue.Dispose();
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
