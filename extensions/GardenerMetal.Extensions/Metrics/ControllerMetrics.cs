using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace GardenerMetal.Extensions.Metrics;

/// <summary>
/// Controller metrics rendered in the Prometheus text exposition format (version 0.0.4):
/// reconciles by controller and result, a reconcile duration histogram, errors by Gardener code, queue depth
/// and active workers. Thread-safe.
/// </summary>
public sealed class ControllerMetrics
{
    /// <summary>Histogram bucket upper bounds in seconds.</summary>
    public static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly ConcurrentDictionary<(string Controller, string Result), long> _reconciles = new();
    private readonly ConcurrentDictionary<(string Controller, string Code), long> _errors = new();
    private readonly ConcurrentDictionary<string, Histogram> _durations = new();
    private readonly ConcurrentDictionary<string, Func<int>> _queueDepth = new();
    private readonly ConcurrentDictionary<string, int> _activeWorkers = new();
    private readonly ConcurrentDictionary<string, int> _leader = new();

    /// <summary>Counts one reconcile with its result (success, error, requeue, skipped) and duration.</summary>
    public void ObserveReconcile(string controller, string result, TimeSpan duration)
    {
        _reconciles.AddOrUpdate((controller, result), 1, (_, v) => v + 1);
        _durations.GetOrAdd(controller, _ => new Histogram()).Observe(duration.TotalSeconds);
    }

    /// <summary>Counts an error code (an error without codes counts as <c>unknown</c>).</summary>
    public void ObserveError(string controller, IReadOnlyList<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        foreach (var code in codes.Count == 0 ? ["unknown"] : codes)
        {
            _errors.AddOrUpdate((controller, code), 1, (_, v) => v + 1);
        }
    }

    /// <summary>Registers the queue depth source of a controller.</summary>
    public void RegisterQueue(string controller, Func<int> depth) => _queueDepth[controller] = depth;

    /// <summary>Adds to the number of workers currently reconciling.</summary>
    public void AddActiveWorkers(string controller, int delta) => _activeWorkers.AddOrUpdate(controller, delta, (_, v) => v + delta);

    /// <summary>Sets whether this replica leads the controller.</summary>
    public void SetLeader(string controller, bool leader) => _leader[controller] = leader ? 1 : 0;

    /// <summary>Total reconciles of a controller with a result (for tests and benchmarks).</summary>
    public long Reconciles(string controller, string result) => _reconciles.GetValueOrDefault((controller, result));

    /// <summary>Renders every metric in the Prometheus text format.</summary>
    public string Render()
    {
        var sb = new StringBuilder();
        sb.Append("# HELP gardener_extension_reconcile_total Reconciles by controller and result.\n");
        sb.Append("# TYPE gardener_extension_reconcile_total counter\n");
        foreach (var ((controller, result), value) in _reconciles.OrderBy(e => e.Key))
        {
            sb.Append(CultureInfo.InvariantCulture, $"gardener_extension_reconcile_total{{controller=\"{Escape(controller)}\",result=\"{Escape(result)}\"}} {value}\n");
        }

        sb.Append("# HELP gardener_extension_reconcile_errors_total Reconcile errors by controller and Gardener error code.\n");
        sb.Append("# TYPE gardener_extension_reconcile_errors_total counter\n");
        foreach (var ((controller, code), value) in _errors.OrderBy(e => e.Key))
        {
            sb.Append(CultureInfo.InvariantCulture, $"gardener_extension_reconcile_errors_total{{controller=\"{Escape(controller)}\",code=\"{Escape(code)}\"}} {value}\n");
        }

        sb.Append("# HELP gardener_extension_reconcile_duration_seconds Reconcile duration.\n");
        sb.Append("# TYPE gardener_extension_reconcile_duration_seconds histogram\n");
        foreach (var (controller, histogram) in _durations.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            histogram.Render(sb, "gardener_extension_reconcile_duration_seconds", $"controller=\"{Escape(controller)}\"");
        }

        Gauge(sb, "gardener_extension_workqueue_depth", "Keys waiting in the work queue.", _queueDepth.ToDictionary(e => e.Key, e => e.Value()));
        Gauge(sb, "gardener_extension_active_workers", "Workers currently reconciling.", _activeWorkers.ToDictionary(e => e.Key, e => e.Value));
        Gauge(sb, "gardener_extension_leader", "1 when this replica holds the controller's leader lease.", _leader.ToDictionary(e => e.Key, e => e.Value));
        return sb.ToString();
    }

    private static void Gauge(StringBuilder sb, string name, string help, Dictionary<string, int> values)
    {
        sb.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} gauge\n");
        foreach (var (controller, value) in values.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{name}{{controller=\"{Escape(controller)}\"}} {value}\n");
        }
    }

    internal static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private sealed class Histogram
    {
        private readonly Lock _lock = new();
        private readonly long[] _counts = new long[Buckets.Length];
        private long _count;
        private double _sum;

        public void Observe(double seconds)
        {
            lock (_lock)
            {
                _count++;
                _sum += seconds;
                for (var i = 0; i < Buckets.Length; i++)
                {
                    if (seconds <= Buckets[i])
                    {
                        _counts[i]++;
                    }
                }
            }
        }

        public void Render(StringBuilder sb, string name, string labels)
        {
            lock (_lock)
            {
                for (var i = 0; i < Buckets.Length; i++)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{labels},le=\"{Buckets[i].ToString(CultureInfo.InvariantCulture)}\"}} {_counts[i]}\n");
                }

                sb.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{labels},le=\"+Inf\"}} {_count}\n");
                sb.Append(CultureInfo.InvariantCulture, $"{name}_sum{{{labels}}} {_sum.ToString("R", CultureInfo.InvariantCulture)}\n");
                sb.Append(CultureInfo.InvariantCulture, $"{name}_count{{{labels}}} {_count}\n");
            }
        }
    }
}
