using System.Diagnostics;
using System.Globalization;
using System.Net;
using GardenerMetal.Extensions.Hosting;
using GardenerMetal.Extensions.Telemetry;
using GardenerMetal.Extensions.Tests.TestSupport;
using GardenerMetal.Kubernetes.Metrics;
using GardenerMetal.Telemetry;
using GardenerMetal.Tests.Shared;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace GardenerMetal.Extensions.Tests.Integration;

// Meters are process-wide and the Prometheus exporter picks them up by name: classes that create controller metrics run one
// after another, so one host's /metrics never shows another test's series.
[Collection("process-wide meters")]
public sealed class ExtensionProgramTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("--controllers=bogus")]
    [InlineData("--kubeconfig=/nonexistent/kubeconfig")]
    public async Task RunAsync_BadFlagOrKubeconfig_ExitsWithTwoWithoutRegistering(string arg)
    {
        var registered = false;

        var code = await ExtensionProgram.RunAsync([arg], ["infrastructure"], _ => registered = true).WaitAsync(Timeout);

        Assert.Equal(2, code);
        Assert.False(registered);
    }

    [Fact]
    public async Task Build_Running_ServesHealthReadinessAndMetrics()
    {
        // Arrange
        var ns = await emulator.NewShootNamespaceAsync();
        var options = new ControllerHostOptions { Namespace = ns, HealthBindAddress = "127.0.0.1:0", Identity = "program-test", LeaseDuration = TimeSpan.FromSeconds(3), RenewDeadline = TimeSpan.FromSeconds(2), RetryPeriod = TimeSpan.FromMilliseconds(200) };
        await using var app = ExtensionProgram.Build(options, emulator.Configuration, host => host.AddController("infrastructure", new TestActuator(), "metal"));
        await app.StartAsync().WaitAsync(Timeout);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        await emulator.CreateInfrastructureAsync(ns, "infra");

        // Act
        var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative)).WaitAsync(Timeout);
        HttpStatusCode ready;
        using (var cts = new CancellationTokenSource(Timeout))
        {
            while ((ready = (await http.GetAsync(new Uri("/readyz", UriKind.Relative), cts.Token)).StatusCode) != HttpStatusCode.OK)
            {
                await Task.Delay(50, cts.Token);
            }
        }

        var metrics = await ScrapeUntilAsync(http, m => m.Sum("controller_runtime_reconcile_total", ("controller", "infrastructure"), ("result", "success")) >= 1);
        await app.StopAsync().WaitAsync(Timeout);

        // Assert
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready);
        (string, string)[] queue = [("name", "infrastructure"), ("controller", "infrastructure")];
        Assert.Equal("counter", metrics.Types["controller_runtime_reconcile_total"]);
        Assert.Equal("histogram", metrics.Types["controller_runtime_reconcile_time_seconds"]);
        Assert.Equal(
            [.. ControllerRuntimeMetrics.ReconcileTimeBuckets, double.PositiveInfinity],
            metrics.Find("controller_runtime_reconcile_time_seconds_bucket", ("controller", "infrastructure")).Select(Le).Distinct());
        Assert.True(metrics.Sum("controller_runtime_reconcile_time_seconds_count", ("controller", "infrastructure")) >= 1);
        Assert.Equal(1, metrics.Sum("leader_election_master_status", ("name", "gardener-extension-infrastructure")));
        Assert.Equal("gauge", metrics.Types["workqueue_depth"]);
        Assert.Single(metrics.Find("workqueue_depth", queue));
        Assert.True(metrics.Sum("workqueue_adds_total", queue) >= 1);
        Assert.Equal(
            [.. WorkQueueMetrics.DurationBuckets, double.PositiveInfinity],
            metrics.Find("workqueue_queue_duration_seconds_bucket", queue).Select(Le).Distinct());
        Assert.True(metrics.Sum("workqueue_work_duration_seconds_count", queue) >= 1);
        Assert.Single(metrics.Find("workqueue_retries_total", queue));
        Assert.Single(metrics.Find("controller_runtime_reconcile_total", ("controller", "infrastructure"), ("result", "error")));
        Assert.Single(metrics.Find("controller_runtime_reconcile_errors_total", ("controller", "infrastructure")));
        Assert.True(metrics.Sum("rest_client_requests_total", ("code", "200"), ("method", "GET")) >= 1);
        Assert.True(metrics.Sum("rest_client_requests_total", ("method", "PATCH")) >= 1);
        Assert.True(metrics.Sum("controller_runtime_max_concurrent_reconciles", ("controller", "infrastructure")) >= 5);
    }

    [Fact]
    public async Task Build_WithTracer_ReconcileSpanParentsKubernetesCalls()
    {
        // Arrange
        var ns = await emulator.NewShootNamespaceAsync();
        var spans = new List<Activity>();
        var options = new ControllerHostOptions { Namespace = ns, HealthBindAddress = "127.0.0.1:0", Identity = "trace-test", LeaderElection = false, HeartbeatRenewInterval = TimeSpan.Zero };
        var telemetry = new TelemetryOptions { ServiceName = "trace-test", ConfigureTracing = t => t.AddInMemoryExporter(spans) };
        await using var app = ExtensionProgram.Build(options, emulator.Configuration, host => host.AddController("infrastructure", new TestActuator(), "metal"), telemetry);
        await app.StartAsync().WaitAsync(Timeout);

        // Act
        await emulator.CreateInfrastructureAsync(ns, "traced");
        using (var cts = new CancellationTokenSource(Timeout))
        {
            while (!Snapshot(spans).Any(s => s.OperationName == ReconcileTracing.ReconcileSpanName && (string?)s.GetTagItem("k8s.object.name") == "traced"))
            {
                await Task.Delay(50, cts.Token);
            }
        }

        await app.StopAsync().WaitAsync(Timeout);

        // Assert
        var all = Snapshot(spans);
        var reconcile = all.Single(s => s.OperationName == ReconcileTracing.ReconcileSpanName && (string?)s.GetTagItem("k8s.object.name") == "traced");
        Assert.Equal(ns, reconcile.GetTagItem("k8s.namespace.name"));
        Assert.Equal("infrastructure", reconcile.GetTagItem("controller"));
        var children = all.Where(s => s.ParentSpanId == reconcile.SpanId && s.TraceId == reconcile.TraceId).ToList();
        Assert.Contains(children, c => c.Kind == ActivityKind.Client && c.DisplayName.StartsWith("PATCH", StringComparison.Ordinal));
    }

    private static double Le(PrometheusText.Sample bucket) =>
        bucket.Labels["le"] == "+Inf" ? double.PositiveInfinity : double.Parse(bucket.Labels["le"], CultureInfo.InvariantCulture);

    private static List<Activity> Snapshot(List<Activity> spans)
    {
        lock (spans)
        {
            return [.. spans];
        }
    }

    private static async Task<PrometheusText.Scrape> ScrapeUntilAsync(HttpClient http, Func<PrometheusText.Scrape, bool> done)
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (true)
        {
            var scrape = PrometheusText.Parse(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), cts.Token));
            if (done(scrape))
            {
                return scrape;
            }

            await Task.Delay(100, cts.Token);
        }
    }
}
