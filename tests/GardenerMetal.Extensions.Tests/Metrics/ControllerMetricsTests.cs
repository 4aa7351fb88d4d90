using GardenerMetal.Extensions.Metrics;
using GardenerMetal.Extensions.Tests.TestSupport;
using GardenerMetal.Kubernetes.Controllers;

namespace GardenerMetal.Extensions.Tests.Metrics;

// Meters are process-wide and the Prometheus exporter picks them up by name: classes that create controller metrics run one
// after another, so one host's /metrics never shows another test's series.
[Collection("process-wide meters")]
public sealed class ControllerMetricsTests
{
    [Fact]
    public void ObserveReconcile_ErrorWithCodes_ControllerRuntimeAndGardenerInstruments()
    {
        // Arrange
        using var recorder = new MeasurementRecorder();
        using var metrics = new ControllerMetrics(recorder.Factory);

        // Act
        metrics.ObserveReconcile("infrastructure", "success", TimeSpan.FromMilliseconds(3));
        metrics.ObserveReconcile("infrastructure", "error", TimeSpan.FromMilliseconds(300));
        metrics.ObserveError("infrastructure", ["ERR_INFRA_UNAUTHENTICATED"]);
        metrics.ObserveError("infrastructure", []);
        metrics.SetLeader("gardener-extension-infrastructure", true);

        // Assert
        Assert.Equal(1, recorder.Sum("controller_runtime_reconcile_total", ("controller", "infrastructure"), ("result", "success")));
        Assert.Equal(1, recorder.Sum("controller_runtime_reconcile_total", ("controller", "infrastructure"), ("result", "error")));
        Assert.Equal(1, recorder.Sum("controller_runtime_reconcile_errors_total", ("controller", "infrastructure")));
        Assert.Equal(2, recorder.Count("controller_runtime_reconcile_time_seconds", ("controller", "infrastructure")));
        Assert.Equal(0.303, recorder.Sum("controller_runtime_reconcile_time_seconds"), 6);
        Assert.Equal(1, recorder.Sum("gardener_extension_reconcile_errors_total", ("controller", "infrastructure"), ("code", "ERR_INFRA_UNAUTHENTICATED")));
        Assert.Equal(1, recorder.Sum("gardener_extension_reconcile_errors_total", ("code", "unknown")));
        Assert.Equal(1, recorder.Sum("leader_election_master_status", ("name", "gardener-extension-infrastructure")));
        Assert.Equal(1, metrics.Errors("infrastructure", "ERR_INFRA_UNAUTHENTICATED"));
    }

    [Fact]
    public async Task WorkQueue_AddTakeRetryDone_RecordsClientGoQueueMetrics()
    {
        // Arrange
        using var recorder = new MeasurementRecorder();
        using var metrics = new ControllerMetrics(recorder.Factory);
        using var queue = new WorkQueue<string>(null, null, metrics.WorkQueue, "worker");

        // Act
        queue.Add("a");
        queue.Add("a"); // a duplicate is no add
        queue.Add("b");
        var (item, _) = await queue.GetAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        queue.AddRateLimited(item, TimeSpan.FromHours(1));
        queue.Done(item);

        // Assert
        (string, string)[] labels = [("name", "worker"), ("controller", "worker")];
        Assert.Equal(2, recorder.Sum("workqueue_adds_total", labels));
        Assert.Equal(1, recorder.Sum("workqueue_depth", labels)); // b still queued
        Assert.Equal(1, recorder.Count("workqueue_queue_duration_seconds", labels));
        Assert.Equal(1, recorder.Count("workqueue_work_duration_seconds", labels));
        Assert.Equal(1, recorder.Sum("workqueue_retries_total", labels));
    }
}
