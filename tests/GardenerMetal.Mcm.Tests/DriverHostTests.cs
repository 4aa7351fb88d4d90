using System.Net;
using GardenerMetal.Mcm.Driver;
using GardenerMetal.Mcm.Driver.V1;
using GardenerMetal.Mcm.Hosting;
using GardenerMetal.Mcm.Transport;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using static GardenerMetal.Mcm.Driver.V1.Driver;

namespace GardenerMetal.Mcm.Tests;

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
