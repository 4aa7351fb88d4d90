using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Mcm.Metal;
using GardenerMetal.Provider.Controllers.Worker;
using GardenerMetal.Provider.Controllers.Worker.Mcm;
using GardenerMetal.Worker.Tests.Support;

namespace GardenerMetal.Worker.Tests;

/// <summary>The Worker actuator through the real ExtensionReconciler against the Kubernetes API emulator with the MCM CRDs.</summary>
public sealed class WorkerActuatorTests(WorkerTestBed bed) : IClassFixture<WorkerTestBed>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("infra")]
    [InlineData("worker")]
    [InlineData("storage")]
    public async Task Reconcile_ThreePoolShoot_MatchesGoldenMachineClassAndDeployment(string pool)
    {
        // Arrange: a stable namespace per case so the golden names are stable.
        var ns = bed.NextNamespace("golden-" + pool);
        await bed.CreateShootAsync(ns, ShootSpecs.ThreePools());

        // Act
        var outcome = await bed.DriveAsync(ns);

        // Assert
        Assert.Null(outcome.Error);
        var classes = await WorkerTestBed.ListAsync(bed.MachineClasses, ns);
        var deployments = await WorkerTestBed.ListAsync(bed.MachineDeployments, ns);
        Assert.Equal(3, classes.Count);
        Assert.Equal(3, deployments.Count);
        var deployment = Assert.Single(deployments, d => Name(d) == ns + "-" + pool);
        var machineClass = Assert.Single(classes, c => Name(c) == ClassOf(deployment));
        Golden.AssertMatches("three-pools", pool + ".machineclass.json", WithNamespace(machineClass, ns));
        Golden.AssertMatches("three-pools", pool + ".machinedeployment.json", WithNamespace(deployment, ns));
    }

    [Fact]
    public async Task Reconcile_ThreePoolShoot_ProviderSpecsDecodeWithTheMcmDriverDecoder()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns, ShootSpecs.ThreePools());

        Assert.Null((await bed.DriveAsync(ns)).Error);

        foreach (var machineClass in await WorkerTestBed.ListAsync(bed.MachineClasses, ns))
        {
            var spec = MetalProviderSpecDecoder.Decode(Encoding.UTF8.GetBytes(machineClass["providerSpec"]!.ToJsonString()));
            Assert.Equal(WorkerTestBed.PartitionId, spec.Partition);
            Assert.Equal(WorkerTestBed.ProjectId, spec.Project);
            Assert.Equal(WorkerTestBed.NetworkId, spec.Network);
            Assert.Equal("ubuntu-24.04", spec.Image);
            Assert.Equal(ShootSpecs.Uid, spec.ClusterId);
            Assert.Equal([WorkerTestBed.SshKey], spec.SshKeys);
            Assert.Contains("kubernetes.io/cluster=" + ns, spec.Tags);
            Assert.Contains("cluster.metal-stack.io/name=" + ns, spec.Tags);
            Assert.Contains("cluster.metal-stack.io/project=" + WorkerTestBed.ProjectId, spec.Tags);
            Assert.Contains("topology.kubernetes.io/zone=" + WorkerTestBed.PartitionId, spec.Tags);
            Assert.Equal("metal", machineClass["provider"]!.GetValue<string>());
        }

        var storage = (await WorkerTestBed.ListAsync(bed.MachineClasses, ns)).Single(c => Name(c).StartsWith(ns + "-storage-", StringComparison.Ordinal));
        var selector = MetalProviderSpecDecoder.Decode(Encoding.UTF8.GetBytes(storage["providerSpec"]!.ToJsonString())).HostSelector;
        Assert.NotNull(selector);
        Assert.True(selector.Matches(["rack=r01", "disk=nvme"]));
        Assert.False(selector.Matches(["rack=r01", "disk=hdd"]));
    }

    [Fact]
    public async Task Reconcile_ClassSecret_HoldsUserDataAndCredentialsOnly()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns, ShootSpecs.ThreePools());

        Assert.Null((await bed.DriveAsync(ns)).Error);

        var deployment = (await WorkerTestBed.ListAsync(bed.MachineDeployments, ns)).Single(d => Name(d) == ns + "-infra");
        var secret = await bed.Kube.Secrets.GetAsync(ns, ClassOf(deployment)).WaitAsync(Bound);
        Assert.Equal(McmResources.PurposeMachineClass, secret.Metadata.Labels![McmResources.PurposeLabel]);
        Assert.Equal(["metalAPIHMac", "metalAPIURL", "userData"], secret.Data!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ShootSpecs.UserData("infra"), Encoding.UTF8.GetString(secret.Data["userData"]));
        Assert.Equal(WorkerTestBed.MetalApiUrl, Encoding.UTF8.GetString(secret.Data["metalAPIURL"]));
        Assert.Equal(WorkerTestBed.Hmac, Encoding.UTF8.GetString(secret.Data["metalAPIHMac"]));
    }

    [Fact]
    public async Task Reconcile_Status_ListsMachineDeploymentsAndMachineImages()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns, ShootSpecs.ThreePools());

        Assert.Null((await bed.DriveAsync(ns)).Error);

        var worker = await bed.GetWorkerAsync(ns);
        Assert.Equal(LastOperationState.Succeeded, worker.Status!.LastOperation!.State);
        Assert.Contains("extensions.gardener.cloud/worker", worker.Metadata.Finalizers!);
        var deployments = worker.Status.MachineDeployments!.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => (d.Name, d.Minimum, d.Maximum)).ToList();
        Assert.Equal([(ns + "-infra", 1, 1), (ns + "-storage", 1, 3), (ns + "-worker", 2, 4)], deployments);
        Assert.NotNull(worker.Status.MachineDeploymentsLastUpdateTime);
        var providerStatus = worker.Status.ProviderStatus!.Value;
        Assert.Equal("WorkerStatus", providerStatus.GetProperty("kind").GetString());
        var image = Assert.Single(providerStatus.GetProperty("machineImages").EnumerateArray());
        Assert.Equal("ubuntu", image.GetProperty("name").GetString());
        Assert.Equal("24.04", image.GetProperty("version").GetString());
        Assert.Equal("ubuntu-24.04", image.GetProperty("image").GetString());
    }

    [Fact]
    public async Task Reconcile_ImageChange_RollsOnlyThatPool()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns, ShootSpecs.ThreePools());
        Assert.Null((await bed.DriveAsync(ns)).Error);
        var before = await ClassesByDeploymentAsync(ns);

        await bed.UpdateWorkerAsync(ns, w => PoolNode(w, "worker")["machineImage"]!["version"] = ShootSpecs.NewImageVersion);
        Assert.Null((await bed.DriveAsync(ns)).Error);

        var after = await ClassesByDeploymentAsync(ns);
        Assert.NotEqual(before[ns + "-worker"], after[ns + "-worker"]);
        Assert.StartsWith(ns + "-worker-", after[ns + "-worker"], StringComparison.Ordinal);
        Assert.Equal(before[ns + "-infra"], after[ns + "-infra"]);
        Assert.Equal(before[ns + "-storage"], after[ns + "-storage"]);
        var newClass = await bed.MachineClasses.GetAsync(ns, after[ns + "-worker"]).WaitAsync(Bound);
        Assert.Equal("ubuntu-24.10", newClass["providerSpec"]!["image"]!.GetValue<string>());
        Assert.Null(await bed.MachineClasses.TryGetAsync(ns, before[ns + "-worker"]).WaitAsync(Bound));
        Assert.Null(await bed.Kube.Secrets.TryGetAsync(ns, before[ns + "-worker"]).WaitAsync(Bound));
        Assert.NotNull(await bed.Kube.Secrets.TryGetAsync(ns, after[ns + "-worker"]).WaitAsync(Bound));
    }

    [Fact]
    public async Task Reconcile_UserDataChange_RollsThePool()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns, ShootSpecs.ThreePools());
        Assert.Null((await bed.DriveAsync(ns)).Error);
        var before = await ClassesByDeploymentAsync(ns);

        await bed.SetUserDataAsync(ns, "infra", "#cloud-config\n# a new provision OSC\n");
        Assert.Null((await bed.DriveAsync(ns)).Error);

        var after = await ClassesByDeploymentAsync(ns);
        Assert.NotEqual(before[ns + "-infra"], after[ns + "-infra"]);
        Assert.Equal(before[ns + "-worker"], after[ns + "-worker"]);
    }

    [Fact]
    public async Task Reconcile_ReplicaChange_DoesNotRoll()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns, ShootSpecs.ThreePools());
        Assert.Null((await bed.DriveAsync(ns)).Error);
        var before = await ClassesByDeploymentAsync(ns);

        await bed.UpdateWorkerAsync(ns, w =>
        {
            PoolNode(w, "infra")["minimum"] = 3;
            PoolNode(w, "infra")["maximum"] = 3;
        });
        Assert.Null((await bed.DriveAsync(ns)).Error);

        Assert.Equal(before, await ClassesByDeploymentAsync(ns));
        var infra = await bed.MachineDeployments.GetAsync(ns, ns + "-infra").WaitAsync(Bound);
        Assert.Equal(3, infra["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task Reconcile_AutoscaledPool_KeepsReplicasInRangeAndClampsOthers()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns, ShootSpecs.ThreePools());
        Assert.Null((await bed.DriveAsync(ns)).Error);
        Assert.Equal(2, await ReplicasAsync(ns, "worker"));

        // The cluster autoscaler scales within 2..4: kept.
        await SetReplicasAsync(ns, "worker", 3);
        Assert.Null((await bed.DriveAsync(ns)).Error);
        Assert.Equal(3, await ReplicasAsync(ns, "worker"));

        // Out of range: clamped to the maximum.
        await SetReplicasAsync(ns, "worker", 9);
        Assert.Null((await bed.DriveAsync(ns)).Error);
        Assert.Equal(4, await ReplicasAsync(ns, "worker"));
    }

    [Fact]
    public async Task Reconcile_KeepWorkerHashAnnotation_HoldsTheHashAcrossAnImageChange()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns, ShootSpecs.ThreePools());
        Assert.Null((await bed.DriveAsync(ns)).Error);
        var before = await ClassesByDeploymentAsync(ns);

        await bed.UpdateShootAsync(ns, s => s["metadata"]!["annotations"] = new JsonObject { [WorkerActuator.KeepWorkerHashAnnotation] = "true" });
        await bed.UpdateWorkerAsync(ns, w => PoolNode(w, "worker")["machineImage"]!["version"] = ShootSpecs.NewImageVersion);
        Assert.Null((await bed.DriveAsync(ns)).Error);

        Assert.Equal(before, await ClassesByDeploymentAsync(ns));
        var held = await bed.MachineClasses.GetAsync(ns, before[ns + "-worker"]).WaitAsync(Bound);
        Assert.Equal("ubuntu-24.10", held["providerSpec"]!["image"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reconcile_UseWorkerHashAnnotation_PinsTheGivenHash()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns, ShootSpecs.ThreePools(), shootAnnotations: new JsonObject { [WorkerActuator.UseWorkerHashAnnotationPrefix + "storage"] = "abcde" });

        Assert.Null((await bed.DriveAsync(ns)).Error);

        Assert.Equal(ns + "-storage-abcde", (await ClassesByDeploymentAsync(ns))[ns + "-storage"]);
    }

    [Fact]
    public async Task Reconcile_MalformedPinnedHash_FailsWithConfigurationProblem()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns, ShootSpecs.ThreePools(), shootAnnotations: new JsonObject { [WorkerActuator.UseWorkerHashAnnotationPrefix + "storage"] = "NOT-A-HASH" });

        var outcome = await bed.DriveAsync(ns);

        Assert.NotNull(outcome.Error);
        Assert.Contains(GardenerErrorCodes.ConfigurationProblem, outcome.Error.Codes);
        Assert.Contains(WorkerActuator.UseWorkerHashAnnotationPrefix + "storage", outcome.Error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_RoleLabelContradiction_FailsWithConfigurationProblemNamingTheField()
    {
        var ns = bed.NextNamespace();
        var pools = ShootSpecs.ThreePools();
        ((JsonObject)pools[0]!)["labels"]!["node-role.kubernetes.io/infra"] = "no";
        await bed.CreateShootAsync(ns, pools);

        var outcome = await bed.DriveAsync(ns);

        Assert.NotNull(outcome.Error);
        Assert.Equal([GardenerErrorCodes.ConfigurationProblem], outcome.Error.Codes);
        Assert.Contains("spec.pools[0].labels[node-role.kubernetes.io/infra]", outcome.Error.Description, StringComparison.Ordinal);
        Assert.Empty(await WorkerTestBed.ListAsync(bed.MachineClasses, ns));
        var worker = await bed.GetWorkerAsync(ns);
        Assert.Equal(LastOperationState.Error, worker.Status!.LastOperation!.State);
        Assert.Contains(GardenerErrorCodes.ConfigurationProblem, worker.Status.LastError!.Codes!);
    }

    [Fact]
    public async Task Reconcile_ImageNotOffered_FailsNamingThePoolImage()
    {
        var ns = bed.NextNamespace();
        var pools = ShootSpecs.ThreePools();
        ((JsonObject)pools[1]!)["machineImage"]!["version"] = "99.99";
        await bed.CreateShootAsync(ns, pools);

        var outcome = await bed.DriveAsync(ns);

        Assert.NotNull(outcome.Error);
        Assert.Contains(GardenerErrorCodes.ConfigurationProblem, outcome.Error.Codes);
        Assert.Contains("spec.pools[1].machineImage", outcome.Error.Description, StringComparison.Ordinal);
        Assert.Contains("ubuntu-99.99", outcome.Error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_UserDataSecretMissing_IsARetryableDependency()
    {
        var ns = bed.NextNamespace();
        var pools = ShootSpecs.ThreePools();
        ((JsonObject)pools[2]!)["userDataSecretRef"]!["name"] = "osc-result-not-there";
        await bed.CreateShootAsync(ns, pools);

        var outcome = await bed.DriveAsync(ns);

        Assert.NotNull(outcome.Error);
        Assert.True(outcome.Error.Retryable);
        Assert.Contains(GardenerErrorCodes.RetryableInfraDependencies, outcome.Error.Codes);
        Assert.Contains("spec.pools[2].userDataSecretRef", outcome.Error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_PoolRemoved_DeletesItsDeploymentClassAndSecret()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns, ShootSpecs.ThreePools());
        Assert.Null((await bed.DriveAsync(ns)).Error);
        var before = await ClassesByDeploymentAsync(ns);

        await bed.UpdateWorkerAsync(ns, w => ((JsonArray)w["spec"]!["pools"]!).RemoveAt(2));
        Assert.Null((await bed.DriveAsync(ns)).Error);

        Assert.Null(await bed.MachineDeployments.TryGetAsync(ns, ns + "-storage").WaitAsync(Bound));
        Assert.Null(await bed.MachineClasses.TryGetAsync(ns, before[ns + "-storage"]).WaitAsync(Bound));
        Assert.Null(await bed.Kube.Secrets.TryGetAsync(ns, before[ns + "-storage"]).WaitAsync(Bound));
        Assert.Equal(2, (await WorkerTestBed.ListAsync(bed.MachineClasses, ns)).Count);
    }

    [Fact]
    public async Task Delete_WithMachines_ScalesToZeroWaitsForThemThenRemovesEverything()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns, ShootSpecs.ThreePools());
        Assert.Null((await bed.DriveAsync(ns)).Error);
        await CreateMachineAsync(ns, "worker", "m-1");
        await CreateMachineAsync(ns, "infra", "m-2");

        await bed.Workers.DeleteAsync(ns, WorkerTestBed.WorkerName).WaitAsync(Bound);
        var pending = await bed.ReconcileOnceAsync(ns);

        // Pending while machines exist; every deployment is scaled to zero.
        Assert.Null(pending.Error);
        Assert.NotNull(pending.RequeueAfter);
        foreach (var deployment in await WorkerTestBed.ListAsync(bed.MachineDeployments, ns))
        {
            Assert.Equal(0, deployment["spec"]!["replicas"]!.GetValue<int>());
        }

        Assert.Equal(3, (await WorkerTestBed.ListAsync(bed.MachineClasses, ns)).Count);
        var worker = await bed.GetWorkerAsync(ns);
        Assert.Equal(LastOperationState.Processing, worker.Status!.LastOperation!.State);

        // MCM removes the machines (and frees the metal machines through the driver).
        foreach (var machine in await WorkerTestBed.ListAsync(bed.Machines, ns))
        {
            await bed.Machines.DeleteAsync(ns, Name(machine)).WaitAsync(Bound);
        }

        var done = await bed.DriveAsync(ns);

        Assert.Null(done.Error);
        Assert.Null(done.RequeueAfter);
        Assert.Empty(await WorkerTestBed.ListAsync(bed.MachineDeployments, ns));
        Assert.Empty(await WorkerTestBed.ListAsync(bed.MachineClasses, ns));
        Assert.Empty(await WorkerTestBed.ListAsync(bed.Kube.Resource(Kubernetes.ResourceDescriptor.Secrets), ns, McmResources.PurposeLabel + "=" + McmResources.PurposeMachineClass));
        Assert.Null(await bed.Workers.TryGetAsync(ns, WorkerTestBed.WorkerName).WaitAsync(Bound));
        Assert.NotNull(await bed.Kube.Secrets.TryGetAsync(ns, "cloudprovider").WaitAsync(Bound));
    }

    [Fact]
    public async Task Reconcile_CloudProviderSecret_HeldWithTheWorkerFinalizerUntilDeleteIsDone()
    {
        // Arrange: issue 20 — deleting the namespace removed the credentials before the Worker's delete ran.
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns, ShootSpecs.ThreePools());

        // Act
        Assert.Null((await bed.DriveAsync(ns)).Error);
        var held = await bed.Kube.Secrets.GetAsync(ns, "cloudprovider").WaitAsync(Bound);
        await bed.Workers.DeleteAsync(ns, WorkerTestBed.WorkerName).WaitAsync(Bound);
        var done = await bed.DriveAsync(ns);
        var released = await bed.Kube.Secrets.GetAsync(ns, "cloudprovider").WaitAsync(Bound);

        // Assert
        Assert.Contains("extensions.gardener.cloud/worker", held.Metadata.Finalizers!);
        Assert.Null(done.Error);
        Assert.DoesNotContain("extensions.gardener.cloud/worker", released.Metadata.Finalizers ?? []);
    }

    [Fact]
    public async Task Delete_MachineWhoseDeleteFails_ReportsRetryableDependencyNamingTheMachine()
    {
        // Arrange: issue 20 — the Worker spun in Delete Processing without lastError while machines could not go.
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns, ShootSpecs.ThreePools());
        Assert.Null((await bed.DriveAsync(ns)).Error);
        await CreateMachineAsync(ns, "worker", "m-1", finalizer: true);
        await bed.Machines.DeleteAsync(ns, "m-1").WaitAsync(Bound);
        var machine = await bed.Machines.GetAsync(ns, "m-1").WaitAsync(Bound);
        machine["status"] = new JsonObject
        {
            ["lastOperation"] = new JsonObject { ["type"] = "Delete", ["state"] = "Failed", ["description"] = "DeleteMachine: metal-api unavailable" },
        };
        await bed.Machines.ReplaceStatusAsync(machine).WaitAsync(Bound);

        // Act
        await bed.Workers.DeleteAsync(ns, WorkerTestBed.WorkerName).WaitAsync(Bound);
        var outcome = await bed.ReconcileOnceAsync(ns);

        // Assert
        Assert.NotNull(outcome.Error);
        Assert.Contains("ERR_RETRYABLE_INFRA_DEPENDENCIES", outcome.Error.Codes);
        Assert.Contains("m-1", outcome.Error.Description, StringComparison.Ordinal);
        var worker = await bed.GetWorkerAsync(ns);
        Assert.Contains("ERR_RETRYABLE_INFRA_DEPENDENCIES", worker.Status!.LastError!.Codes!);
    }

    [Fact]
    public async Task ForceDelete_MachinesWithBothMcmFinalizers_StripsBothAndReleasesTheSecret()
    {
        // Arrange: issue 20 — force delete stripped only machine-controller-manager, upstream strips both.
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns, ShootSpecs.ThreePools(), shootAnnotations: new JsonObject { ["confirmation.gardener.cloud/force-deletion"] = "true" });
        Assert.Null((await bed.DriveAsync(ns)).Error);
        await CreateMachineAsync(ns, "worker", "m-1", finalizer: true);

        // Act
        await bed.Workers.DeleteAsync(ns, WorkerTestBed.WorkerName).WaitAsync(Bound);
        var outcome = await bed.DriveAsync(ns);

        // Assert
        Assert.Null(outcome.Error);
        Assert.Empty(await WorkerTestBed.ListAsync(bed.Machines, ns));
        Assert.Null(await bed.Workers.TryGetAsync(ns, WorkerTestBed.WorkerName).WaitAsync(Bound));
        var secret = await bed.Kube.Secrets.GetAsync(ns, "cloudprovider").WaitAsync(Bound);
        Assert.DoesNotContain("extensions.gardener.cloud/worker", secret.Metadata.Finalizers ?? []);
    }

    [Fact]
    public async Task MigrateThenRestore_KeepsClassNamesMachinesAndReplicas()
    {
        // Arrange: a running shoot with a machine and an autoscaled pool at 3 replicas, MCM finalizers in place.
        var source = bed.NextNamespace();
        await bed.CreateShootAsync(source, ShootSpecs.ThreePools());
        Assert.Null((await bed.DriveAsync(source)).Error);
        await SetReplicasAsync(source, "worker", 3);
        Assert.Null((await bed.DriveAsync(source)).Error);
        await CreateMachineAsync(source, "worker", "m-1", finalizer: true);
        var classes = await ClassesByDeploymentAsync(source);
        var classFinalizer = await bed.MachineClasses.GetAsync(source, classes[source + "-worker"]).WaitAsync(Bound);
        classFinalizer["metadata"]!["finalizers"] = new JsonArray(McmResources.Finalizer);
        await bed.MachineClasses.ReplaceAsync(classFinalizer).WaitAsync(Bound);

        // Act 1: migrate on the source seed.
        await bed.UpdateWorkerAsync(source, w => w["metadata"]!["annotations"] = new JsonObject { ["gardener.cloud/operation"] = "migrate" });
        var migrated = await bed.DriveAsync(source);

        // Assert 1: everything is gone without a single machine deletion through MCM; the state has it all.
        Assert.Null(migrated.Error);
        Assert.Empty(await WorkerTestBed.ListAsync(bed.Machines, source));
        Assert.Empty(await WorkerTestBed.ListAsync(bed.MachineClasses, source));
        Assert.Empty(await WorkerTestBed.ListAsync(bed.MachineDeployments, source));
        var migratedWorker = await bed.Workers.GetAsync(source, WorkerTestBed.WorkerName).WaitAsync(Bound);
        var state = migratedWorker["status"]!["state"]!;
        Assert.Equal(3, state["machineDeployments"]![source + "-worker"]!["replicas"]!.GetValue<int>());
        Assert.Single(state["machineDeployments"]![source + "-worker"]!["machines"]!.AsArray());

        // Act 2: restore the same shoot on the target seed (namespace renamed by the test: the pool names carry it,
        // so the state is rewritten as Gardener would hand it over for the same namespace).
        var target = bed.NextNamespace();
        var restoredState = JsonNode.Parse(state.ToJsonString().Replace(source, target, StringComparison.Ordinal))!;
        await bed.CreateShootAsync(target, ShootSpecs.ThreePools(),
            workerAnnotations: new JsonObject { ["gardener.cloud/operation"] = "restore" },
            workerStatus: new JsonObject { ["state"] = restoredState });
        var restored = await bed.DriveAsync(target);

        // Assert 2: same class names (no roll), the machine is back, the autoscaled replicas are kept.
        Assert.Null(restored.Error);
        var restoredClasses = await ClassesByDeploymentAsync(target);
        Assert.Equal(classes.ToDictionary(p => p.Key.Replace(source, target, StringComparison.Ordinal), p => p.Value.Replace(source, target, StringComparison.Ordinal)), restoredClasses);
        var machine = Assert.Single(await WorkerTestBed.ListAsync(bed.Machines, target));
        Assert.Equal("m-1", Name(machine));
        Assert.Equal("metal:///fra-equ01/m-1-uuid", machine["spec"]!["providerID"]!.GetValue<string>());
        Assert.Equal(3, await ReplicasAsync(target, "worker"));
        var restoredWorker = await bed.GetWorkerAsync(target);
        Assert.Equal(LastOperationState.Succeeded, restoredWorker.Status!.LastOperation!.State);
        Assert.Equal(LastOperationType.Restore, restoredWorker.Status.LastOperation.Type);
    }

    [Fact]
    public async Task Reconcile_RestrictedShoot_SetsThePartitionsDnsAndNtpServersAndRolls()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns, ShootSpecs.ThreePools());
        Assert.Null((await bed.DriveAsync(ns)).Error);
        var before = await ClassesByDeploymentAsync(ns);

        await bed.UpdateShootAsync(ns, s => s["spec"]!["provider"]!["controlPlaneConfig"] = new JsonObject
        {
            ["apiVersion"] = "metal.provider.extensions.gardener.cloud/v1alpha1",
            ["kind"] = "ControlPlaneConfig",
            ["networkAccessType"] = "restricted",
        });
        Assert.Null((await bed.DriveAsync(ns)).Error);

        var after = await ClassesByDeploymentAsync(ns);
        Assert.NotEqual(before[ns + "-worker"], after[ns + "-worker"]);
        var machineClass = await bed.MachineClasses.GetAsync(ns, after[ns + "-worker"]).WaitAsync(Bound);
        var spec = MetalProviderSpecDecoder.Decode(Encoding.UTF8.GetBytes(machineClass["providerSpec"]!.ToJsonString()));
        Assert.Equal(["10.31.0.53"], spec.DnsServers);
        Assert.Equal(["10.31.0.123"], spec.NtpServers);
    }

    [Fact]
    public async Task Reconcile_HibernatedShoot_ScalesEveryPoolToZeroWithoutRolling()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns, ShootSpecs.ThreePools());
        Assert.Null((await bed.DriveAsync(ns)).Error);
        var before = await ClassesByDeploymentAsync(ns);

        await bed.UpdateShootAsync(ns, s => s["spec"]!["hibernation"] = new JsonObject { ["enabled"] = true });
        Assert.Null((await bed.DriveAsync(ns)).Error);

        Assert.Equal(before, await ClassesByDeploymentAsync(ns));
        foreach (var pool in new[] { "infra", "worker", "storage" })
        {
            Assert.Equal(0, await ReplicasAsync(ns, pool));
        }
    }

    [Fact]
    public async Task Reconcile_ExtraNetworks_ReachTheProviderSpecAndRollOnlyThatPool()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns, ShootSpecs.ThreePools());
        Assert.Null((await bed.DriveAsync(ns)).Error);
        var before = await ClassesByDeploymentAsync(ns);

        await bed.UpdateWorkerAsync(ns, w => PoolNode(w, "worker")["providerConfig"] = ShootSpecs.WorkerConfig(new JsonObject { ["networks"] = new JsonArray("storage-net", "internet") }));
        Assert.Null((await bed.DriveAsync(ns)).Error);

        var after = await ClassesByDeploymentAsync(ns);
        Assert.NotEqual(before[ns + "-worker"], after[ns + "-worker"]);
        Assert.Equal(before[ns + "-infra"], after[ns + "-infra"]);
        Assert.Equal(before[ns + "-storage"], after[ns + "-storage"]);
        var machineClass = await bed.MachineClasses.GetAsync(ns, after[ns + "-worker"]).WaitAsync(Bound);
        var spec = MetalProviderSpecDecoder.Decode(Encoding.UTF8.GetBytes(machineClass["providerSpec"]!.ToJsonString()));
        Assert.Equal(WorkerTestBed.NetworkId, spec.Network);
        Assert.Equal(["storage-net", "internet"], spec.Networks);
    }

    [Fact]
    public async Task Reconcile_ExtraNetworkIsTheNodeNetwork_FailsWithConfigurationProblemNamingTheField()
    {
        var ns = bed.NextNamespace();
        var pools = ShootSpecs.ThreePools();
        ((JsonObject)pools[1]!)["providerConfig"] = ShootSpecs.WorkerConfig(new JsonObject { ["networks"] = new JsonArray("storage-net", WorkerTestBed.NetworkId) });
        await bed.CreateShootAsync(ns, pools);

        var outcome = await bed.DriveAsync(ns);

        Assert.NotNull(outcome.Error);
        Assert.Equal([GardenerErrorCodes.ConfigurationProblem], outcome.Error.Codes);
        Assert.Contains("spec.pools[1].providerConfig.networks[1]", outcome.Error.Description, StringComparison.Ordinal);
        Assert.Empty(await WorkerTestBed.ListAsync(bed.MachineClasses, ns));
    }

    [Fact]
    public async Task Reconcile_WithoutNodeNetworkInTheInfrastructureStatus_IsARetryableDependency()
    {
        var ns = bed.NextNamespace();
        await bed.CreateShootAsync(ns, ShootSpecs.ThreePools());
        await bed.UpdateWorkerAsync(ns, w => ((JsonObject)w["spec"]!["infrastructureProviderStatus"]!).Remove("networkID"));

        var outcome = await bed.DriveAsync(ns);

        Assert.NotNull(outcome.Error);
        Assert.True(outcome.Error.Retryable);
        Assert.Contains("spec.infrastructureProviderStatus.networkID", outcome.Error.Description, StringComparison.Ordinal);
    }

    private static JsonObject PoolNode(JsonObject worker, string pool) =>
        worker["spec"]!["pools"]!.AsArray().OfType<JsonObject>().Single(p => p["name"]!.GetValue<string>() == pool);

    private static string Name(JsonObject obj) => obj["metadata"]!["name"]!.GetValue<string>();

    private static string ClassOf(JsonObject deployment) => deployment["spec"]!["template"]!["spec"]!["class"]!["name"]!.GetValue<string>();

    /// <summary>Replaces the per-test namespace by a placeholder so that the golden files do not depend on it.</summary>
    private static JsonObject WithNamespace(JsonObject obj, string ns) =>
        JsonNode.Parse(obj.ToJsonString().Replace(ns, "shoot--wt--golden", StringComparison.Ordinal))!.AsObject();

    private async Task<Dictionary<string, string>> ClassesByDeploymentAsync(string ns) =>
        (await WorkerTestBed.ListAsync(bed.MachineDeployments, ns)).ToDictionary(Name, ClassOf, StringComparer.Ordinal);

    private async Task<int> ReplicasAsync(string ns, string pool) =>
        (await bed.MachineDeployments.GetAsync(ns, ns + "-" + pool).WaitAsync(Bound))["spec"]!["replicas"]!.GetValue<int>();

    private async Task SetReplicasAsync(string ns, string pool, int replicas) =>
        await bed.MachineDeployments.PatchAsync(ns, ns + "-" + pool,
            Kubernetes.KubernetesPatch.Merge(new JsonObject { ["spec"] = new JsonObject { ["replicas"] = replicas } })).WaitAsync(Bound);

    /// <summary>A Machine as MCM creates it for the pool's deployment (label <c>name</c>, class, provider ID).</summary>
    private async Task CreateMachineAsync(string ns, string pool, string name, bool finalizer = false, JsonObject? status = null)
    {
        var deployment = await bed.MachineDeployments.GetAsync(ns, ns + "-" + pool).WaitAsync(Bound);
        var metadata = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = ns,
            ["labels"] = new JsonObject { [McmResources.DeploymentNameLabel] = ns + "-" + pool },
        };
        if (finalizer)
        {
            metadata["finalizers"] = new JsonArray(McmResources.Finalizer, McmResources.MachineControllerFinalizer);
        }

        await bed.Machines.CreateAsync(new JsonObject
        {
            ["apiVersion"] = McmResources.ApiVersion,
            ["kind"] = "Machine",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["class"] = new JsonObject { ["kind"] = "MachineClass", ["name"] = ClassOf(deployment) },
                ["providerID"] = "metal:///" + WorkerTestBed.PartitionId + "/" + name + "-uuid",
            },
        }).WaitAsync(Bound);
    }
}
