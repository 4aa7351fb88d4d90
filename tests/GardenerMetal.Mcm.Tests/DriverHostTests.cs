using System.Net;
using GardenerMetal.Mcm.Driver;
using GardenerMetal.Mcm.Driver.V1;
using GardenerMetal.Mcm.Hosting;
using GardenerMetal.Mcm.Transport;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using static GardenerMetal.Mcm.Driver.V1.Driver;

namespace GardenerMetal.Mcm.Tests;

// Hosts with the machine controller register controller_runtime_* on the process-wide GardenerMetal.Kubernetes meter:
// run them one after another so that no host's /metrics shows another's series.
[Collection("process-wide meters")]
public sealed class DriverHostTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Build_DriverAloneOnUnixSocket_ServesDriverAndHealth()
    {
        // Arrange
        var socket = Path.Combine(Path.GetTempPath(), $"gm-host-{Guid.NewGuid():N}"[..18] + ".sock");
        await using var app = DriverHost.Build(
            new DriverHostOptions { DriverListen = GrpcEndpointAddress.ForUnixSocket(socket), HealthListen = GrpcEndpointAddress.Parse("127.0.0.1:0") },
            logging => logging.ClearProviders());
        await app.StartAsync().WaitAsync(Bound);
        var healthUrl = DriverHost.BoundAddresses(app).Single(a => a.StartsWith("http://127.0.0.1", StringComparison.Ordinal));
        using var http = new HttpClient();
        using var channel = DriverChannel.Create(GrpcEndpointAddress.ForUnixSocket(socket));
        var client = new DriverClient(channel);

        // Act
        using var health = await http.GetAsync(new Uri(healthUrl + "/healthz")).WaitAsync(Bound);
        using var ready = await http.GetAsync(new Uri(healthUrl + "/readyz")).WaitAsync(Bound);
        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetMachineStatusAsync(new GetMachineStatusRequest { MachineName = "w1" }).WaitAsync(Bound));

        // Assert
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("providerSpec", error.Status.Detail, StringComparison.Ordinal);
        await app.StopAsync().WaitAsync(Bound);
    }

    [Fact]
    public async Task Build_WithMachineController_MachineBecomesRunningThroughTheHostsDriver()
    {
        // Arrange
        await using var h = await ControllerHarness.StartAsync();
        await using var app = DriverHost.Build(
            new DriverHostOptions
            {
                DriverListen = GrpcEndpointAddress.ForUnixSocket(h.NewSocketPath()),
                MachineController = true,
                Kubeconfig = h.KubeconfigPath,
                Controller = ControllerHarness.TestOptions,
            },
            logging => logging.ClearProviders());
        await app.StartAsync().WaitAsync(Bound);

        // Act
        await h.CreateMachineAsync("worker-0").WaitAsync(Bound);
        await ControllerHarness.WaitUntilAsync(
            async () => (await h.ListMachinesAsync()).Single().Status?.CurrentStatus?.Phase == GardenerMetal.Mcm.Controller.MachinePhases.Running,
            "worker-0 Running");

        // Assert
        Assert.Single(h.Sim.MachinesWithTag(ControllerHarness.ClusterTag));
        await app.StopAsync().WaitAsync(Bound);
    }

    [Fact]
    public void Build_DriverListenNotLoopback_ClearErrorNamingTheFlagsUnlessAllowed()
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => DriverHost.Build(
            new DriverHostOptions { DriverListen = GrpcEndpointAddress.Parse("0.0.0.0:0"), HealthListen = null },
            logging => logging.ClearProviders()));
        var allowed = DriverHost.Build(
            new DriverHostOptions { DriverListen = GrpcEndpointAddress.Parse("0.0.0.0:0"), HealthListen = null, AllowRemoteDriverListen = true },
            logging => logging.ClearProviders());

        // Assert
        Assert.Contains("--driver-listen", error.Message, StringComparison.Ordinal);
        Assert.Contains("--driver-listen-allow-remote", error.Message, StringComparison.Ordinal);
        Assert.NotNull(allowed);
        ((IDisposable)allowed).Dispose();
    }

    [Fact]
    public async Task Build_NonGrpcRequestOnDriverSocket_Http415AndHealthListenerDoesNotServeTheDriver()
    {
        // Arrange
        var socket = Path.Combine(Path.GetTempPath(), $"gm-host-{Guid.NewGuid():N}"[..18] + ".sock");
        await using var app = DriverHost.Build(
            new DriverHostOptions { DriverListen = GrpcEndpointAddress.ForUnixSocket(socket), HealthListen = GrpcEndpointAddress.Parse("127.0.0.1:0") },
            logging => logging.ClearProviders());
        await app.StartAsync().WaitAsync(Bound);
        var healthUrl = DriverHost.BoundAddresses(app).Single(a => a.StartsWith("http://127.0.0.1", StringComparison.Ordinal));
        using var unixHttp = new HttpMessageInvoker(new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var s = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
                await s.ConnectAsync(new System.Net.Sockets.UnixDomainSocketEndPoint(socket), ct);
                return new System.Net.Sockets.NetworkStream(s, ownsSocket: true);
            },
        });
        using var json = new HttpRequestMessage(HttpMethod.Post, "http://localhost/mcm.driver.v1.Driver/GetMachineStatus")
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using var healthChannel = DriverChannel.Create(GrpcEndpointAddress.Parse(healthUrl["http://".Length..]));

        // Act
        using var response = await unixHttp.SendAsync(json, CancellationToken.None).WaitAsync(Bound);
        var viaHealth = await Assert.ThrowsAsync<RpcException>(() =>
            new DriverClient(healthChannel).GetMachineStatusAsync(new GetMachineStatusRequest { MachineName = "w1" }).WaitAsync(Bound));

        // Assert
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(StatusCode.Internal, viaHealth.StatusCode); // HTTP/1.1 only: the HTTP/2 preface is refused, the driver (InvalidArgument) never answers
        await app.StopAsync().WaitAsync(Bound);
    }

    [Fact]
    public void Build_MachineControllerWithDynamicPort_ClearErrorNamingTheSwitch()
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => DriverHost.Build(new DriverHostOptions
        {
            DriverListen = GrpcEndpointAddress.Parse("127.0.0.1:0"),
            MachineController = true,
        }));

        // Assert
        Assert.Contains("--machine-controller", error.Message, StringComparison.Ordinal);
    }
}
