using GardenerMetal.Extensions.Metrics;

namespace GardenerMetal.Extensions.Tests.Metrics;

public sealed class ControllerMetricsTests
{
    [Fact]
    public void Render_AfterObservations_PrometheusTextWithCumulativeHistogram()
    {
        // Arrange
        var metrics = new ControllerMetrics();
        metrics.RegisterQueue("infrastructure", () => 4);
        metrics.ObserveReconcile("infrastructure", "success", TimeSpan.FromMilliseconds(3));
        metrics.ObserveReconcile("infrastructure", "error", TimeSpan.FromMilliseconds(300));
        metrics.ObserveError("infrastructure", ["ERR_INFRA_UNAUTHENTICATED"]);
        metrics.SetLeader("infrastructure", true);

        // Act
        var text = metrics.Render();

        // Assert
        var lines = text.Split('\n');
        Assert.Contains("# TYPE gardener_extension_reconcile_total counter", lines);
        Assert.Contains("gardener_extension_reconcile_total{controller=\"infrastructure\",result=\"success\"} 1", lines);
        Assert.Contains("gardener_extension_reconcile_errors_total{controller=\"infrastructure\",code=\"ERR_INFRA_UNAUTHENTICATED\"} 1", lines);
        Assert.Contains("# TYPE gardener_extension_reconcile_duration_seconds histogram", lines);
        Assert.Contains("gardener_extension_reconcile_duration_seconds_bucket{controller=\"infrastructure\",le=\"0.005\"} 1", lines);
        Assert.Contains("gardener_extension_reconcile_duration_seconds_bucket{controller=\"infrastructure\",le=\"0.5\"} 2", lines);
        Assert.Contains("gardener_extension_reconcile_duration_seconds_bucket{controller=\"infrastructure\",le=\"+Inf\"} 2", lines);
        Assert.Contains("gardener_extension_reconcile_duration_seconds_count{controller=\"infrastructure\"} 2", lines);
        Assert.Contains("gardener_extension_workqueue_depth{controller=\"infrastructure\"} 4", lines);
        Assert.Contains("gardener_extension_leader{controller=\"infrastructure\"} 1", lines);
        Assert.All(lines.Where(l => l.Length > 0 && !l.StartsWith('#')), l => Assert.Matches(@"^[a-z_]+(\{[^}]*\})? [0-9.eE+-]+$", l));
    }

    [Fact]
    public void Render_LabelWithQuote_Escaped()
    {
        // Arrange
        var metrics = new ControllerMetrics();
        metrics.ObserveError("c", ["a\"b"]);

        // Act
        var text = metrics.Render();

        // Assert
        Assert.Contains("code=\"a\\\"b\"", text, StringComparison.Ordinal);
    }
}
