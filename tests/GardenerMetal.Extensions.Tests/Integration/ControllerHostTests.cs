using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;
using GardenerMetal.Extensions.Errors;
using GardenerMetal.Extensions.Hosting;
using GardenerMetal.Extensions.Kubernetes;
using GardenerMetal.Extensions.Tests.TestSupport;
using GardenerMetal.Kubernetes;
using Microsoft.Extensions.Logging.Abstractions;

namespace GardenerMetal.Extensions.Tests.Integration;

/// <summary>The framework end to end against the Kubernetes API emulator, with a test actuator.</summary>
// Meters are process-wide and the Prometheus exporter picks them up by name: classes that create controller metrics run one
// after another, so one host's /metrics never shows another test's series.
[Collection("process-wide meters")]
public sealed class ControllerHostTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly TestActuator _actuator = new();

    private ControllerHost NewHost(string @namespace, string identity = "replica-a", TimeSpan? grace = null, TimeSpan? leaseDuration = null) =>
        new ControllerHost(emulator.Client, new ControllerHostOptions
        {
            Namespace = @namespace,
            Identity = identity,
            LeaderElectionId = "ext-" + @namespace,
            LeaseDuration = leaseDuration ?? TimeSpan.FromSeconds(3),
            RenewDeadline = (leaseDuration ?? TimeSpan.FromSeconds(3)) * 2 / 3,
            RetryPeriod = TimeSpan.FromMilliseconds(200),
            BackoffBase = TimeSpan.FromMilliseconds(100),
            BackoffMax = TimeSpan.FromSeconds(1),
            HeartbeatRenewInterval = TimeSpan.FromSeconds(4),
            ExtensionName = "provider-metal",
            ShutdownGracePeriod = grace ?? TimeSpan.FromSeconds(5),
        }, NullLoggerFactory.Instance).AddController("infrastructure", _actuator, "metal");

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (!await condition())
        {
            if (cts.IsCancellationRequested)
            {
                Assert.Fail("Timed out waiting for: " + what);
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    private async Task<bool> Succeeded(string ns, string name, LastOperationType type) =>
        (await emulator.GetAsync(ns, name))?.Status?.LastOperation is { State: LastOperationState.Succeeded } op && op.Type == type;

    [Fact]
    public async Task RunAsync_CreateThenDelete_ReconcilesAndReleasesFinalizer()
    {
        // Arrange
        var ns = await emulator.NewShootNamespaceAsync();
        var host = NewHost(ns);
        using var stop = new CancellationTokenSource();
        var run = host.RunAsync(stop.Token);
        await emulator.CreateInfrastructureAsync(ns, "infra");

        // Act
        await Eventually(() => Succeeded(ns, "infra", LastOperationType.Create), "create succeeded");
        var created = await emulator.GetAsync(ns, "infra");
        await ExtensionResources.Client<Infrastructure>(emulator.Client).DeleteAsync(ns, "infra").WaitAsync(Timeout);
        await Eventually(async () => await emulator.GetAsync(ns, "infra") is null, "object deleted");
        await stop.CancelAsync();
        await run.WaitAsync(Timeout);

        // Assert
        Assert.Equal(["extensions.gardener.cloud/infrastructure"], created!.Metadata.Finalizers!);
        Assert.Null(created.Metadata.GetAnnotation("gardener.cloud/operation"));
        Assert.Equal(created.Metadata.Generation, created.Status!.ObservedGeneration);
        Assert.Equal(["Reconcile", "Delete"], _actuator.Calls);
        var heartbeat = await emulator.Client.Leases.GetAsync(ns, HeartbeatLease.LeaseName).WaitAsync(Timeout);
        Assert.Equal("provider-metal", heartbeat.Spec!.HolderIdentity);
        Assert.Equal(4, heartbeat.Spec.LeaseDurationSeconds);
        Assert.NotNull(heartbeat.Spec.RenewTime);
    }

    [Fact]
    public async Task RunAsync_MigrateThenRestore_RemovesAnnotationsAndMovesFinalizer()
    {
        // Arrange
        var ns = await emulator.NewShootNamespaceAsync();
        var host = NewHost(ns);
        using var stop = new CancellationTokenSource();
        var run = host.RunAsync(stop.Token);
        await emulator.CreateInfrastructureAsync(ns, "infra");
        await Eventually(() => Succeeded(ns, "infra", LastOperationType.Create), "create succeeded");
        var client = ExtensionResources.Client<Infrastructure>(emulator.Client);

        // Act
        await client.PatchAsync(ns, "infra", KubernetesPatch.Merge(Annotate("migrate"))).WaitAsync(Timeout);
        // Gardener's order: status Succeeded first, then finalizer and annotation removal.
        await Eventually(async () => await Succeeded(ns, "infra", LastOperationType.Migrate)
            && (await emulator.GetAsync(ns, "infra"))!.Metadata.GetAnnotation("gardener.cloud/operation") is null, "migrate finished");
        var migrated = await emulator.GetAsync(ns, "infra");
        await client.PatchAsync(ns, "infra", KubernetesPatch.Merge(Annotate("restore"))).WaitAsync(Timeout);
        await Eventually(() => Succeeded(ns, "infra", LastOperationType.Restore), "restore succeeded");
        var restored = await emulator.GetAsync(ns, "infra");
        await stop.CancelAsync();
        await run.WaitAsync(Timeout);

        // Assert
        Assert.False(migrated!.Metadata.HasFinalizer("extensions.gardener.cloud/infrastructure"));
        Assert.Null(migrated.Metadata.GetAnnotation("gardener.cloud/operation"));
        Assert.True(restored!.Metadata.HasFinalizer("extensions.gardener.cloud/infrastructure"));
        Assert.Null(restored.Metadata.GetAnnotation("gardener.cloud/operation"));
        Assert.Equal(["Reconcile", "Migrate", "Restore"], _actuator.Calls);
    }

    [Fact]
    public async Task RunAsync_ActuatorFailsThenRecovers_ErrorWithCodesThenSuccessClearsLastError()
    {
        // Arrange
        var ns = await emulator.NewShootNamespaceAsync();
        var fail = 1;
        _actuator.Behaviour = (_, _, _) => Interlocked.Exchange(ref fail, 0) == 1
            ? throw new ExtensionOperationException("partition exhausted", [GardenerErrorCodes.InfraResourcesDepleted], retryable: true)
            : Task.FromResult(ActuatorResult.Done);
        var host = NewHost(ns);
        using var stop = new CancellationTokenSource();
        var run = host.RunAsync(stop.Token);
        var errorSeen = false;

        // Act
        await emulator.CreateInfrastructureAsync(ns, "infra");
        await Eventually(async () =>
        {
            var infra = await emulator.GetAsync(ns, "infra");
            errorSeen |= infra?.Status?.LastError?.Codes?.Contains(GardenerErrorCodes.InfraResourcesDepleted) == true
                && infra.Status.LastOperation?.State == LastOperationState.Error;
            return infra?.Status?.LastOperation?.State == LastOperationState.Succeeded;
        }, "retry succeeded");
        var final = await emulator.GetAsync(ns, "infra");
        await stop.CancelAsync();
        await run.WaitAsync(Timeout);

        // Assert
        Assert.True(errorSeen || host.Metrics.Reconciles("infrastructure", "error") == 1);
        Assert.Equal(1, host.Metrics.Reconciles("infrastructure", "error"));
        Assert.Null(final!.Status!.LastError);
        Assert.Equal(2, _actuator.Count("Reconcile"));
        Assert.Equal(1, host.Metrics.Errors("infrastructure", GardenerErrorCodes.InfraResourcesDepleted));
    }

    [Fact]
    public async Task RunAsync_KilledMidReconcileThenRestarted_Converges()
    {
        // Arrange
        var ns = await emulator.NewShootNamespaceAsync();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _actuator.Behaviour = async (_, _, ct) =>
        {
            entered.TrySetResult();
            await Task.Delay(Timeout, ct);
            return ActuatorResult.Done;
        };
        var first = NewHost(ns, "replica-a", grace: TimeSpan.Zero);
        using (var stop = new CancellationTokenSource())
        {
            var run = first.RunAsync(stop.Token);
            await emulator.CreateInfrastructureAsync(ns, "infra");
            await entered.Task.WaitAsync(Timeout);

            // Act: kill between Processing and the actuator's return
            await stop.CancelAsync();
            await run.WaitAsync(Timeout);
        }

        var interrupted = await emulator.GetAsync(ns, "infra");
        _actuator.Behaviour = null;
        var second = NewHost(ns, "replica-b");
        using var stop2 = new CancellationTokenSource();
        var run2 = second.RunAsync(stop2.Token);
        await Eventually(() => Succeeded(ns, "infra", LastOperationType.Create), "converged after restart");
        await stop2.CancelAsync();
        await run2.WaitAsync(Timeout);

        // Assert
        Assert.Equal(LastOperationState.Processing, interrupted!.Status!.LastOperation!.State);
        Assert.True(interrupted.Metadata.HasFinalizer("extensions.gardener.cloud/infrastructure"));
        Assert.Equal(2, _actuator.Count("Reconcile"));
    }

    [Fact]
    public async Task RunAsync_TwoReplicasWithLeaderElection_EachChangeReconciledOnce()
    {
        // Arrange
        var ns = await emulator.NewShootNamespaceAsync();
        // A long lease: a renewal delayed by a busy machine must not hand leadership over mid-test.
        var a = NewHost(ns, "replica-a", leaseDuration: TimeSpan.FromSeconds(15));
        var b = NewHost(ns, "replica-b", leaseDuration: TimeSpan.FromSeconds(15));
        using var stop = new CancellationTokenSource();
        var runs = new[] { a.RunAsync(stop.Token), b.RunAsync(stop.Token) };

        // Act
        for (var i = 0; i < 5; i++)
        {
            await emulator.CreateInfrastructureAsync(ns, "infra-" + i);
        }

        for (var i = 0; i < 5; i++)
        {
            var name = "infra-" + i;
            await Eventually(() => Succeeded(ns, name, LastOperationType.Create), name + " succeeded");
        }

        await Task.Delay(500);
        await stop.CancelAsync();
        await Task.WhenAll(runs).WaitAsync(Timeout);

        // Assert: only the leader reconciled, each object once; a second actuator call is allowed only as the retry of a
        // reconcile that failed (e.g. a status patch that timed out on a loaded machine), never as a duplicate.
        Assert.True(a.Metrics.Reconciles("infrastructure", "success") == 0 || b.Metrics.Reconciles("infrastructure", "success") == 0);
        // controller-runtime counts every reconcile that returns no error as success, a skipped one (nothing to do) too.
        Assert.True(a.Metrics.Reconciles("infrastructure", "success") + b.Metrics.Reconciles("infrastructure", "success") >= 5);
        var failed = a.Metrics.Reconciles("infrastructure", "error") + b.Metrics.Reconciles("infrastructure", "error");
        Assert.Equal(5 + failed, _actuator.Count("Reconcile"));
    }

    [Fact]
    public async Task RunAsync_ShootFailed_ActuatorNeverCalled()
    {
        // Arrange
        var ns = await emulator.NewShootNamespaceAsync(shootState: "Failed");
        var host = NewHost(ns);
        using var stop = new CancellationTokenSource();
        var run = host.RunAsync(stop.Token);

        // Act
        await emulator.CreateInfrastructureAsync(ns, "infra");
        await Eventually(async () => (await emulator.GetAsync(ns, "infra"))?.Metadata.GetAnnotation("gardener.cloud/operation") is null, "annotation removed");
        await stop.CancelAsync();
        await run.WaitAsync(Timeout);

        // Assert
        Assert.Empty(_actuator.Calls);
        Assert.Null((await emulator.GetAsync(ns, "infra"))!.Status?.LastOperation);
    }

    private static JsonObject Annotate(string operation) =>
        new() { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["gardener.cloud/operation"] = operation } } };
}
