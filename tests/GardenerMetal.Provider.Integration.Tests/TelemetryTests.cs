using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Hosting;
using GardenerMetal.Extensions.Telemetry;
using GardenerMetal.MetalApi;
using GardenerMetal.Provider.Hosting;
using GardenerMetal.Provider.IntegrationTests.Support;
using GardenerMetal.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace GardenerMetal.Provider.IntegrationTests;

/// <summary>
/// provider-metal's telemetry: the binary's /metrics after a real Infrastructure reconcile against the emulator and the
/// metal-api simulator, and the trace of that reconcile (a reconcile span whose children are the metal-api calls).
/// </summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private InfrastructureTestBed _bed = null!;

    public async ValueTask InitializeAsync() => _bed = await InfrastructureTestBed.StartAsync().WaitAsync(Timeout);

    public async ValueTask DisposeAsync() => await _bed.DisposeAsync().AsTask().WaitAsync(Timeout);

    [Fact]
    public async Task ProviderMetalProgram_AfterReconcile_MetricsEndpointHasControllerRuntimeNamesAndLabels()
    {
        // Arrange
        var shoot = await _bed.CreateShootAsync("metrics").WaitAsync(Timeout);
        var port = FreePort();
        using var stop = new CancellationTokenSource();
        var run = ProviderMetalProgram.RunAsync(
            [$"--kubeconfig={_bed.KubeconfigPath}", $"--health-bind-address=127.0.0.1:{port}", "--leader-election=false", "--heartbeat-renew-interval=0s",
             $"--namespace={shoot.Namespace}", "--controllers=infrastructure"],
            cancellationToken: stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        // Act
        var scrape = await ScrapeUntilAsync(http, run, m => m.Sum("controller_runtime_reconcile_total", ("controller", "infrastructure"), ("result", "success")) >= 1);
        await stop.CancelAsync();
        var exit = await run.WaitAsync(Timeout);

        // Assert
        Assert.Equal(0, exit);
        Assert.Equal(LastOperationState.Succeeded, (await _bed.GetAsync(shoot).WaitAsync(Timeout)).Status!.LastOperation!.State);
        Assert.Equal("histogram", scrape.Types["controller_runtime_reconcile_time_seconds"]);
        Assert.True(scrape.Sum("controller_runtime_reconcile_time_seconds_count", ("controller", "infrastructure")) >= 1);
        Assert.Single(scrape.Find("controller_runtime_reconcile_errors_total", ("controller", "infrastructure")));
        Assert.True(scrape.Sum("workqueue_adds_total", ("name", "infrastructure"), ("controller", "infrastructure")) >= 1);
        Assert.Single(scrape.Find("workqueue_depth", ("name", "infrastructure"), ("controller", "infrastructure")));
        Assert.True(scrape.Sum("rest_client_requests_total", ("code", "200"), ("method", "GET")) >= 1);
        Assert.Empty(scrape.Find("controller_runtime_reconcile_total", ("controller", "worker"))); // not enabled
    }

    [Fact]
    public async Task ControllerHost_ReconcileOfAShoot_SpanWithMetalApiChildSpans()
    {
        // Arrange
        var spans = new List<Activity>();
        using var tracer = Sdk.CreateTracerProviderBuilder()
            .AddSource(ReconcileTracing.SourceName, MetalApiClient.ActivitySourceName)
            .AddHttpClientInstrumentation()
            .AddInMemoryExporter(spans)
            .Build();
        var shoot = await _bed.CreateShootAsync("traced").WaitAsync(Timeout);
        var host = new ControllerHost(_bed.Kube, new ControllerHostOptions { Namespace = shoot.Namespace, LeaderElection = false, HeartbeatRenewInterval = TimeSpan.Zero }, NullLoggerFactory.Instance)
            .AddController<Infrastructure>("infrastructure", _bed.NewActuator(), "metal");
        using var stop = new CancellationTokenSource();
        var run = host.RunAsync(stop.Token);

        // Act
        using (var cts = new CancellationTokenSource(Timeout))
        {
            while ((await _bed.GetAsync(shoot, cts.Token)).Status?.LastOperation?.State != LastOperationState.Succeeded)
            {
                await Task.Delay(100, cts.Token);
            }
        }

        await stop.CancelAsync();
        await run.WaitAsync(Timeout);
        tracer.ForceFlush();

        // Assert
        List<Activity> all;
        lock (spans)
        {
            all = [.. spans];
        }

        var reconciles = all.Where(s => s.OperationName == ReconcileTracing.ReconcileSpanName && (string?)s.GetTagItem("k8s.namespace.name") == shoot.Namespace).ToList();
        Assert.NotEmpty(reconciles);
        var ids = reconciles.Select(r => r.SpanId).ToHashSet();
        var metalCalls = all.Where(s => s.Source.Name == MetalApiClient.ActivitySourceName && ids.Contains(s.ParentSpanId)).ToList();
        Assert.Contains(metalCalls, s => s.DisplayName == "metal-api allocateNetwork");
        Assert.Contains(metalCalls, s => s.DisplayName == "metal-api allocateFirewall");
        Assert.All(metalCalls, s => Assert.Equal(ActivityKind.Client, s.Kind));
        var metalCallIds = metalCalls.Select(s => s.SpanId).ToHashSet();
        Assert.Contains(all, s => s.Kind == ActivityKind.Client && metalCallIds.Contains(s.ParentSpanId) && s.DisplayName.StartsWith("POST", StringComparison.Ordinal)); // the HTTP attempt under it
        Assert.Equal("infrastructure", reconciles[0].GetTagItem("controller"));
        Assert.Equal(ShootRef.InfrastructureName, reconciles[0].GetTagItem("k8s.object.name"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<PrometheusText.Scrape> ScrapeUntilAsync(HttpClient http, Task<int> program, Func<PrometheusText.Scrape, bool> done)
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (true)
        {
            Assert.False(program.IsCompleted, "provider-metal exited early with " + (program.IsCompletedSuccessfully ? program.Result.ToString(System.Globalization.CultureInfo.InvariantCulture) : "an exception"));
            try
            {
                var scrape = PrometheusText.Parse(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), cts.Token));
                if (done(scrape))
                {
                    return scrape;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100, cts.Token);
        }
    }
}
