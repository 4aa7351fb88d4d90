using GardenerMetal.Kubernetes.Models;
using GardenerMetal.Mcm.Controller;
using GardenerMetal.Mcm.Driver.V1;
using GardenerMetal.Mcm.Metal;
using GardenerMetal.MetalSim;
using Google.Protobuf;

namespace GardenerMetal.Mcm.Tests;

/// <summary>The machine controller against the Kubernetes API emulator, the driver and the metal-api simulator.</summary>
public sealed class MachineControllerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_TwentyMachinesThenDeleted_RunningOnDistinctMetalMachinesAndAllFreed()
    {
        // Arrange
        await using var h = await ControllerHarness.StartAsync();
        h.StartController();

        // Act
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => h.CreateMachineAsync($"worker-{i:D2}"))).WaitAsync(Bound);
        await ControllerHarness.WaitUntilAsync(
            async () => (await h.ListMachinesAsync()).Count(m => m.Status?.CurrentStatus?.Phase == MachinePhases.Running) == 20,
            "20 Machines Running");
        var running = await h.ListMachinesAsync();

        // Assert
        var providerIds = running.Select(m => m.Spec!.ProviderId!).ToList();
        Assert.Equal(20, providerIds.Distinct().Count());
        Assert.All(running, m => Assert.Contains(MachinePhases.Finalizer, m.Metadata.Finalizers!));
        Assert.All(running, m => Assert.Equal(m.Metadata.Name, m.Metadata.Labels!["node"]));
        var allocated = h.Sim.MachinesWithTag(ControllerHarness.ClusterTag);
        Assert.Equal(20, allocated.Count);
        Assert.Equal(providerIds.Order(), allocated.Select(m => MetalProviderId.Format(DriverHarness.Partition, m.Id)).Order());
        Assert.All(allocated, m => Assert.DoesNotContain("<<", m.Allocation!.UserData, StringComparison.Ordinal));

        // Act: delete every Machine
        await Task.WhenAll(running.Select(m => h.Machines.DeleteAsync(ControllerHarness.Namespace, m.Metadata.Name!))).WaitAsync(Bound);
        await ControllerHarness.WaitUntilAsync(async () => (await h.ListMachinesAsync()).Count == 0, "every Machine gone");

        // Assert
        Assert.Empty(h.Sim.MachinesWithTag(ControllerHarness.ClusterTag));
        Assert.Equal(20, h.Sim.RequestCount("allocateMachine"));
    }

    [Fact]
    public async Task Run_ControllerKilledAfterCreate_ConvergesOnTheSameVmWithoutLeak()
    {
        // Arrange: the VM exists but the crash happened before spec.providerID was written.
        await using var h = await ControllerHarness.StartAsync();
        var create = new CreateMachineRequest { MachineName = "worker-0", ProviderSpec = ByteString.CopyFromUtf8(h.ProviderSpecJson) };
        create.Secret.Add(h.DriverSecret());
        var early = await h.Driver.CreateMachineAsync(create).WaitAsync(Bound);
        await h.CreateMachineAsync("worker-0").WaitAsync(Bound);

        // Act
        h.StartController();
        await ControllerHarness.WaitUntilAsync(
            async () => (await h.ListMachinesAsync()).Single().Status?.CurrentStatus?.Phase == MachinePhases.Running,
            "worker-0 Running");

        // Assert
        Assert.Equal(early.ProviderId, (await h.ListMachinesAsync()).Single().Spec!.ProviderId);
        Assert.Single(h.Sim.MachinesWithTag(ControllerHarness.ClusterTag));
        Assert.Equal(1, h.Sim.RequestCount("allocateMachine"));
    }

    [Fact]
    public async Task Run_PartitionExhausted_CrashLoopBackOffWithResourceExhaustedThenRunningWhenCapacityReturns()
    {
        // Arrange
        await using var h = await ControllerHarness.StartAsync();
        h.Sim.Faults.Set("allocateMachine", new FaultRule { Exhausted = true });
        h.StartController();

        // Act
        await h.CreateMachineAsync("worker-0").WaitAsync(Bound);
        await ControllerHarness.WaitUntilAsync(
            async () => (await h.ListMachinesAsync()).Single().Status?.CurrentStatus?.Phase == MachinePhases.CrashLoopBackOff,
            "worker-0 CrashLoopBackOff");
        var backingOff = (await h.ListMachinesAsync()).Single();
        h.Sim.Faults.ClearAll();
        await ControllerHarness.WaitUntilAsync(
            async () => (await h.ListMachinesAsync()).Single().Status?.CurrentStatus?.Phase == MachinePhases.Running,
            "worker-0 Running after capacity returned");

        // Assert
        Assert.Equal("ResourceExhausted", backingOff.Status!.LastOperation!.ErrorCode);
        Assert.Equal("Failed", backingOff.Status.LastOperation.State);
        Assert.Single(h.Sim.MachinesWithTag(ControllerHarness.ClusterTag));
    }

    [Fact]
    public async Task Run_OneNotFoundOnRunningMachine_MachineKeptWithoutReplacement()
    {
        // Arrange: issue 20 — one 404 on GET /v1/machine/{id} used to fail the machine and free its metal machine.
        await using var h = await ControllerHarness.StartAsync();
        h.StartController();
        await h.CreateMachineAsync("worker-0").WaitAsync(Bound);
        await ControllerHarness.WaitUntilAsync(async () => (await h.ListMachinesAsync()).Single().Status?.CurrentStatus?.Phase == MachinePhases.Running, "worker-0 Running");
        var providerId = (await h.ListMachinesAsync()).Single().Spec!.ProviderId;

        // Act
        h.Sim.Faults.Set("findMachine", new FaultRule { FailNext = 1, ErrorStatusCode = 404 });
        var before = h.Sim.RequestCount("findMachine");
        await ControllerHarness.WaitUntilAsync(() => Task.FromResult(h.Sim.RequestCount("findMachine") >= before + 4), "four more status checks");

        // Assert
        var machine = (await h.ListMachinesAsync()).Single();
        Assert.Equal(MachinePhases.Running, machine.Status?.CurrentStatus?.Phase);
        Assert.Equal(providerId, machine.Spec!.ProviderId);
        Assert.Single(h.Sim.MachinesWithTag(ControllerHarness.ClusterTag));
        Assert.Equal(1, h.Sim.RequestCount("allocateMachine"));
        Assert.Equal(0, h.Sim.RequestCount("freeMachine"));
    }

    [Fact]
    public async Task Run_MetalApiAnswers404Everywhere_MachinesKeptAndDeleteWaitsUntilFreed()
    {
        // Arrange: issue 20 — a metal-api answering 404 on every route (a wrong path in metalAPIURL).
        await using var h = await ControllerHarness.StartAsync();
        h.StartController();
        await Task.WhenAll(h.CreateMachineAsync("worker-0"), h.CreateMachineAsync("worker-1")).WaitAsync(Bound);
        await ControllerHarness.WaitUntilAsync(async () => (await h.ListMachinesAsync()).All(m => m.Status?.CurrentStatus?.Phase == MachinePhases.Running), "two Machines Running");

        // Act: well past the grace period and its confirmations, then a delete.
        h.Sim.Faults.Set(SimFaults.AllRoutes, new FaultRule { ErrorRate = 1, ErrorStatusCode = 404 });
        var before = h.Sim.RequestCount("findMachine");
        await ControllerHarness.WaitUntilAsync(() => Task.FromResult(h.Sim.RequestCount("findMachine") >= before + 12), "status checks against a 404 metal-api");
        await Task.Delay(ControllerHarness.TestOptions.GoneGracePeriod * 2).WaitAsync(Bound);
        var during = await h.ListMachinesAsync();
        await h.Machines.DeleteAsync(ControllerHarness.Namespace, "worker-0").WaitAsync(Bound);
        var deleteCalls = h.Sim.RequestCount("findMachines");
        await ControllerHarness.WaitUntilAsync(() => Task.FromResult(h.Sim.RequestCount("findMachines") >= deleteCalls + 3), "delete attempts against a 404 metal-api");
        var blocked = (await h.ListMachinesAsync()).Single(m => m.Metadata.Name == "worker-0");
        var allocatedWhileBlocked = h.Sim.MachinesWithTag(ControllerHarness.ClusterTag).Count;
        h.Sim.Faults.ClearAll();
        await ControllerHarness.WaitUntilAsync(async () => (await h.ListMachinesAsync()).Count == 1, "worker-0 deleted once the metal-api answers");

        // Assert
        Assert.All(during, m => Assert.Equal(MachinePhases.Running, m.Status?.CurrentStatus?.Phase));
        Assert.Contains(MachinePhases.Finalizer, blocked.Metadata.Finalizers!);
        Assert.Equal(2, allocatedWhileBlocked);
        Assert.Single(h.Sim.MachinesWithTag(ControllerHarness.ClusterTag));
        Assert.Equal(2, h.Sim.RequestCount("allocateMachine"));
    }

    [Fact]
    public async Task Run_RunningVmReleasedBehindTheController_FailedOnlyAfterTheGracePeriod()
    {
        // Arrange
        await using var h = await ControllerHarness.StartAsync();
        h.StartController();
        await h.CreateMachineAsync("worker-0").WaitAsync(Bound);
        await ControllerHarness.WaitUntilAsync(async () => (await h.ListMachinesAsync()).Single().Status?.CurrentStatus?.Phase == MachinePhases.Running, "worker-0 Running");
        Assert.True(MetalProviderId.TryParse((await h.ListMachinesAsync()).Single().Spec!.ProviderId!, out _, out var uuid));

        // Act
        var released = DateTime.UtcNow;
        await h.Admin.FreeMachineAsync(uuid).WaitAsync(Bound);
        await ControllerHarness.WaitUntilAsync(async () => (await h.ListMachinesAsync()).Single().Status?.CurrentStatus?.Phase == MachinePhases.Failed, "worker-0 Failed");

        // Assert
        Assert.True(DateTime.UtcNow - released >= ControllerHarness.TestOptions.GoneGracePeriod, "declared gone before the grace period");
        var events = await h.Client.Events.ListAsync(ControllerHarness.Namespace).WaitAsync(Bound);
        Assert.Contains(events.Items, e => e.Reason == "MachineGone" && e.InvolvedObject?.Name == "worker-0");
    }

    [Fact]
    public async Task Run_ClassAndSecretDeletedBeforeMachines_HeldUntilTheMachinesFreedTheirVms()
    {
        // Arrange: issue 20 — deleting the shoot namespace removed Secrets and MachineClasses first (no finalizers),
        // so Machines stayed Terminating ("MachineClass … not found") and their metal machines leaked.
        await using var h = await ControllerHarness.StartAsync();
        h.StartController();
        await Task.WhenAll(h.CreateMachineAsync("worker-0"), h.CreateMachineAsync("worker-1")).WaitAsync(Bound);
        await ControllerHarness.WaitUntilAsync(async () => (await h.ListMachinesAsync()).All(m => m.Status?.CurrentStatus?.Phase == MachinePhases.Running), "two Machines Running");
        var classes = h.Client.Resource(Controller.Models.McmResources.MachineClasses, Controller.Models.McmJsonContext.Default.MachineClass);

        // Act: the namespace's delete order — Secret and class first, Machines after.
        await h.Client.Secrets.DeleteAsync(ControllerHarness.Namespace, "pool-a-secret").WaitAsync(Bound);
        await classes.DeleteAsync(ControllerHarness.Namespace, ControllerHarness.ClassName).WaitAsync(Bound);
        var heldSecret = await h.Client.Secrets.TryGetAsync(ControllerHarness.Namespace, "pool-a-secret").WaitAsync(Bound);
        var heldClass = await classes.TryGetAsync(ControllerHarness.Namespace, ControllerHarness.ClassName).WaitAsync(Bound);
        await Task.WhenAll((await h.ListMachinesAsync()).Select(m => h.Machines.DeleteAsync(ControllerHarness.Namespace, m.Metadata.Name!))).WaitAsync(Bound);
        await ControllerHarness.WaitUntilAsync(async () => (await h.ListMachinesAsync()).Count == 0, "every Machine gone");
        await ControllerHarness.WaitUntilAsync(
            async () => await classes.TryGetAsync(ControllerHarness.Namespace, ControllerHarness.ClassName) is null
                && await h.Client.Secrets.TryGetAsync(ControllerHarness.Namespace, "pool-a-secret") is null,
            "class and Secret released");

        // Assert
        Assert.NotNull(heldSecret);
        Assert.Contains(MachinePhases.Finalizer, heldSecret.Metadata.Finalizers!);
        Assert.NotNull(heldClass);
        Assert.Contains(MachinePhases.ClassFinalizer, heldClass.Metadata.Finalizers!);
        Assert.Empty(h.Sim.MachinesWithTag(ControllerHarness.ClusterTag));
    }

    [Fact]
    public async Task SweepOrphansAsync_VmWithoutMachine_DeletedAndOwnedVmKept()
    {
        // Arrange
        await using var h = await ControllerHarness.StartAsync();
        h.StartController();
        await h.CreateMachineAsync("worker-0").WaitAsync(Bound);
        await ControllerHarness.WaitUntilAsync(
            async () => (await h.ListMachinesAsync()).Single().Status?.CurrentStatus?.Phase == MachinePhases.Running,
            "worker-0 Running");
        var ghost = await CreateGhostAsync(h, "ghost-0");

        // Act
        var result = await h.Controller.SweepOrphansAsync(CancellationToken.None).WaitAsync(Bound);

        // Assert
        Assert.True(result.Ran);
        Assert.Equal([ghost], result.Deleted);
        var left = h.Sim.MachinesWithTag(ControllerHarness.ClusterTag);
        Assert.Equal([(await h.ListMachinesAsync()).Single().Spec!.ProviderId], left.Select(m => MetalProviderId.Format(DriverHarness.Partition, m.Id)));
    }

    [Fact]
    public async Task SweepOrphansAsync_SeedApiUnreachable_SkippedAndNothingDeleted()
    {
        // Arrange: caches synced, then the seed API goes away (upstream MCM #657).
        await using var h = await ControllerHarness.StartAsync();
        h.StartController();
        await ControllerHarness.WaitUntilAsync(() => Task.FromResult(h.Controller.HasSynced), "caches synced");
        await CreateGhostAsync(h, "ghost-0");
        await h.StopKubeAsync().WaitAsync(Bound);

        // Act
        var result = await h.Controller.SweepOrphansAsync(CancellationToken.None).WaitAsync(Bound);

        // Assert
        Assert.False(result.Ran);
        Assert.Contains("unreachable", result.Reason, StringComparison.Ordinal);
        Assert.Single(h.Sim.MachinesWithTag(ControllerHarness.ClusterTag));
        Assert.Equal(0, h.Sim.RequestCount("freeMachine"));
    }

    private static async Task<string> CreateGhostAsync(ControllerHarness h, string name)
    {
        var create = new CreateMachineRequest { MachineName = name, ProviderSpec = ByteString.CopyFromUtf8(h.ProviderSpecJson) };
        create.Secret.Add(h.DriverSecret());
        return (await h.Driver.CreateMachineAsync(create).WaitAsync(Bound)).ProviderId;
    }
}
