using System.Net;
using GardenerMetal.Kubernetes.Metrics;
using GardenerMetal.Mcm.Controller;
using GardenerMetal.Mcm.Hosting;
using GardenerMetal.Mcm.Transport;
using GardenerMetal.Tests.Shared;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.Mcm.Tests;

// Hosts with the machine controller register controller_runtime_* on the process-wide GardenerMetal.Kubernetes meter:
// run them one after another so that no host's /metrics shows another's series.
[Collection("process-wide meters")]
public sealed class DriverHostMetricsTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Build_HealthListener_ServesPrometheusMetricsThereButNotOnTheDriverSocket()
    {
        // Arrange
        var socket = Path.Combine(Path.GetTempPath(), $"gm-host-{Guid.NewGuid():N}"[..18] + ".sock");
        await using var app = DriverHost.Build(
            new DriverHostOptions { DriverListen = GrpcEndpointAddress.ForUnixSocket(socket), HealthListen = GrpcEndpointAddress.Parse("127.0.0.1:0") },
            logging => logging.ClearProviders());
        await app.StartAsync().WaitAsync(Bound);
        var healthUrl = DriverHost.BoundAddresses(app).Single(a => a.StartsWith("http://127.0.0.1", StringComparison.Ordinal));
        using var http = new HttpClient();
        using var unixHttp = UnixSocketClient(socket);
        using var viaDriver = new HttpRequestMessage(HttpMethod.Get, "http://localhost/metrics")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        // Act
        using var response = await http.GetAsync(new Uri(healthUrl + "/metrics")).WaitAsync(Bound);
        var text = await response.Content.ReadAsStringAsync().WaitAsync(Bound);
        using var driverResponse = await unixHttp.SendAsync(viaDriver, CancellationToken.None).WaitAsync(Bound);
        var driverText = await driverResponse.Content.ReadAsStringAsync().WaitAsync(Bound);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var scrape = PrometheusText.Parse(text);
        Assert.Contains(scrape.Types.Keys, name => name.StartsWith("dotnet_", StringComparison.Ordinal) || name.StartsWith("process_", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, driverResponse.StatusCode);
        Assert.DoesNotContain("# TYPE", driverText, StringComparison.Ordinal);
        await app.StopAsync().WaitAsync(Bound);
    }

    [Fact]
    public async Task Build_WithMachineControllerAndHealthListener_MetricsCountTheMachineReconciles()
    {
        // Arrange
        await using var h = await ControllerHarness.StartAsync().WaitAsync(Bound);
        await using var app = DriverHost.Build(
            new DriverHostOptions
            {
                DriverListen = GrpcEndpointAddress.ForUnixSocket(h.NewSocketPath()),
                HealthListen = GrpcEndpointAddress.Parse("127.0.0.1:0"),
                MachineController = true,
                Kubeconfig = h.KubeconfigPath,
                Controller = ControllerHarness.TestOptions,
            },
            logging => logging.ClearProviders());
        await app.StartAsync().WaitAsync(Bound);
        var healthUrl = new Uri(DriverHost.BoundAddresses(app).Single(a => a.StartsWith("http://127.0.0.1", StringComparison.Ordinal)) + "/metrics");
        using var http = new HttpClient();
        PrometheusText.Scrape? scrape = null;
        var machine = (Key: "controller", Value: MachineController.MetricsName);

        // Act
        await h.CreateMachineAsync("worker-0").WaitAsync(Bound);
        await ControllerHarness.WaitUntilAsync(
            async () => (await h.ListMachinesAsync()).Single().Status?.CurrentStatus?.Phase == MachinePhases.Running,
            "worker-0 Running");
        await ControllerHarness.WaitUntilAsync(
            async () =>
            {
                scrape = PrometheusText.Parse(await http.GetStringAsync(healthUrl).WaitAsync(Bound));
                return scrape.Sum("controller_runtime_reconcile_total", machine) >= 1;
            },
            "a machine reconcile in /metrics");

        // Assert
        Assert.NotNull(scrape);
        Assert.Equal("counter", scrape.Types["controller_runtime_reconcile_total"]);
        foreach (var result in new[] { ReconcileResults.Success, ReconcileResults.Error, ReconcileResults.RequeueAfter })
        {
            Assert.Single(scrape.Find("controller_runtime_reconcile_total", machine, ("result", result)));
        }

        Assert.Single(scrape.Find("controller_runtime_reconcile_errors_total", machine));
        Assert.Equal("histogram", scrape.Types["controller_runtime_reconcile_time_seconds"]);
        Assert.Contains(scrape.Find("controller_runtime_reconcile_time_seconds_bucket", machine), s => s.Has(("le", "0.005")));
        Assert.True(scrape.Sum("controller_runtime_reconcile_time_seconds_count", machine) >= 1);
        await app.StopAsync().WaitAsync(Bound);
    }

    private static HttpMessageInvoker UnixSocketClient(string socket) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (_, ct) =>
        {
            var s = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
            await s.ConnectAsync(new System.Net.Sockets.UnixDomainSocketEndPoint(socket), ct);
            return new System.Net.Sockets.NetworkStream(s, ownsSocket: true);
        },
    });
}
