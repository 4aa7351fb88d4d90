using GardenerMetal.Mcm.Controller;
using GardenerMetal.Mcm.Driver;
using GardenerMetal.Mcm.Driver.V1;
using GardenerMetal.Mcm.Hosting;
using GardenerMetal.Mcm.Transport;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using static GardenerMetal.Mcm.Driver.V1.Driver;

namespace GardenerMetal.Mcm.Tests;

// Hosts with the machine controller register controller_runtime_* on the process-wide GardenerMetal.Kubernetes meter:
// run them one after another so that no host's /metrics shows another's series.
[Collection("process-wide meters")]
public sealed class DriverHostLeaderElectionTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private const int MachineCreatedEvent = 200;

    [Fact]
    public async Task Build_TwoReplicas_OnlyTheLeaseHolderRunsTheControllerAndTheOtherTakesOverWhenItStops()
    {
        // Arrange
        await using var h = await ControllerHarness.StartAsync();
        var logsA = new CapturingLoggerProvider();
        var logsB = new CapturingLoggerProvider();
        var socketA = h.NewSocketPath();
        var socketB = h.NewSocketPath();
        await using var a = Replica(h, socketA, "replica-a", logsA);
        await using var b = Replica(h, socketB, "replica-b", logsB);
        await a.StartAsync().WaitAsync(Bound);
        await b.StartAsync().WaitAsync(Bound);
        var holder = await WaitForHolderAsync(h, null);
        var (leader, leaderLogs, standby, standbyLogs, standbySocket) = holder == "replica-a"
            ? (a, logsA, b, logsB, socketB)
            : (b, logsB, a, logsA, socketA);

        // Act (1): machines appear while both replicas run
        foreach (var i in Enumerable.Range(0, 4))
        {
            await h.CreateMachineAsync($"worker-{i}").WaitAsync(Bound);
        }

        await WaitAllRunningAsync(h, 4);

        // Assert (1): one controller created each Machine once; the standby's driver still serves
        Assert.Equal(4, h.Sim.RequestCount("allocateMachine"));
        Assert.Equal(4, h.Sim.MachinesWithTag(ControllerHarness.ClusterTag).Count);
        Assert.Equal(4, leaderLogs.Count(nameof(MachineController), MachineCreatedEvent));
        Assert.Equal(0, standbyLogs.Count(nameof(MachineController), MachineCreatedEvent));
        using (var channel = DriverChannel.Create(GrpcEndpointAddress.ForUnixSocket(standbySocket)))
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => new DriverClient(channel).GetMachineStatusAsync(new GetMachineStatusRequest { MachineName = "x" }).WaitAsync(Bound));
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode); // answered by the standby's metal driver
        }

        // Act (2): the leader stops; new Machines arrive
        await leader.StopAsync().WaitAsync(Bound);
        var successor = await WaitForHolderAsync(h, holder);
        foreach (var i in Enumerable.Range(4, 2))
        {
            await h.CreateMachineAsync($"worker-{i}").WaitAsync(Bound);
        }

        await WaitAllRunningAsync(h, 6);

        // Assert (2): the former standby holds the Lease and created exactly the new Machines
        Assert.NotEqual(holder, successor);
        Assert.Equal(6, h.Sim.RequestCount("allocateMachine"));
        Assert.Equal(6, h.Sim.MachinesWithTag(ControllerHarness.ClusterTag).Count);
        Assert.Equal(4, leaderLogs.Count(nameof(MachineController), MachineCreatedEvent));
        Assert.Equal(2, standbyLogs.Count(nameof(MachineController), MachineCreatedEvent));
        await standby.StopAsync().WaitAsync(Bound);
    }

    [Fact]
    public async Task Build_LeaderElectionOff_ControllerRunsWithoutALease()
    {
        // Arrange
        await using var h = await ControllerHarness.StartAsync();
        var options = ReplicaOptions(h, h.NewSocketPath(), "solo") with
        {
            LeaderElection = new MachineControllerLeaderElection { Enabled = false, Identity = "solo" },
        };
        await using var app = DriverHost.Build(options, logging => logging.ClearProviders());
        await app.StartAsync().WaitAsync(Bound);

        // Act
        await h.CreateMachineAsync("worker-0").WaitAsync(Bound);
        await WaitAllRunningAsync(h, 1);

        // Assert
        Assert.Null(await h.Client.Leases.TryGetAsync(ControllerHarness.Namespace, MachineControllerLeaderElection.DefaultLeaseName).WaitAsync(Bound));
        await app.StopAsync().WaitAsync(Bound);
    }

    [Fact]
    public void Build_LeaderElectionWithoutAnyNamespace_ClearErrorNamingTheFlag()
    {
        // Arrange: a kubeconfig whose context names no namespace, and no --namespace
        var dir = Directory.CreateTempSubdirectory("gm-le-").FullName;
        try
        {
            var kubeconfig = Path.Combine(dir, "kubeconfig");
            File.WriteAllText(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true}}]
                users: [{name: u, user: {token: t}}]
                contexts: [{name: x, context: {cluster: c, user: u}}]
                current-context: x
                """);

            // Act
            var error = Assert.Throws<ArgumentException>(() => DriverHost.Build(new DriverHostOptions
            {
                DriverListen = GrpcEndpointAddress.ForUnixSocket(Path.Combine(dir, "d.sock")),
                MachineController = true,
                Kubeconfig = kubeconfig,
            }));

            // Assert
            Assert.Contains("--leader-election-namespace", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static DriverHostOptions ReplicaOptions(ControllerHarness h, string socket, string identity) => new()
    {
        DriverListen = GrpcEndpointAddress.ForUnixSocket(socket),
        MachineController = true,
        Kubeconfig = h.KubeconfigPath,
        Controller = ControllerHarness.TestOptions,
        LeaderElection = new MachineControllerLeaderElection
        {
            Identity = identity,
            // Long enough that a delayed renewal on a busy machine never hands over; a stopping leader releases at once.
            LeaseDuration = TimeSpan.FromSeconds(15),
            RenewDeadline = TimeSpan.FromSeconds(10),
            RetryPeriod = TimeSpan.FromMilliseconds(300),
        },
    };

    private static WebApplication Replica(ControllerHarness h, string socket, string identity, CapturingLoggerProvider logs) =>
        DriverHost.Build(ReplicaOptions(h, socket, identity), logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(logs);
        });

    private static async Task<string> WaitForHolderAsync(ControllerHarness h, string? other)
    {
        string? holder = null;
        await ControllerHarness.WaitUntilAsync(
            async () =>
            {
                var lease = await h.Client.Leases.TryGetAsync(ControllerHarness.Namespace, MachineControllerLeaderElection.DefaultLeaseName);
                holder = lease?.Spec?.HolderIdentity;
                return !string.IsNullOrEmpty(holder) && holder != other;
            },
            "a replica holds the machine controller's Lease");
        return holder!;
    }

    private static Task WaitAllRunningAsync(ControllerHarness h, int count) =>
        ControllerHarness.WaitUntilAsync(
            async () => (await h.ListMachinesAsync()) is var machines && machines.Count == count && machines.All(m => m.Status?.CurrentStatus?.Phase == MachinePhases.Running),
            $"{count} Machines Running");
}
