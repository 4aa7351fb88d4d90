using System.Text.Json;
using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.MetalApi;
using GardenerMetal.MetalApi.V1;
using GardenerMetal.MetalSim;
using GardenerMetal.Provider.Controllers.Infrastructure;
using GardenerMetal.Provider.IntegrationTests.Support;

namespace GardenerMetal.Provider.IntegrationTests;

/// <summary>
/// The Infrastructure actuator through the real ExtensionReconciler, against the Kubernetes API emulator (status and
/// finalizers over HTTPS) and the metal-api simulator.
/// </summary>
public sealed class InfrastructureActuatorTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private InfrastructureTestBed _bed = null!;

    public async ValueTask InitializeAsync() => _bed = await InfrastructureTestBed.StartAsync().WaitAsync(Timeout);

    public async ValueTask DisposeAsync() => await _bed.DisposeAsync().AsTask().WaitAsync(Timeout);

    [Fact]
    public async Task Reconcile_NewShoot_FillsStatusAndSecondReconcileAllocatesNothing()
    {
        // Arrange
        var shoot = await _bed.CreateShootAsync("create").WaitAsync(Timeout);
        var reconciler = _bed.NewReconciler();

        // Act
        var outcome = await InfrastructureTestBed.DriveAsync(reconciler, shoot.Key).WaitAsync(Timeout);
        var afterFirst = _bed.Allocations;
        var second = await InfrastructureTestBed.DriveAsync(_bed.NewReconciler(), shoot.Key).WaitAsync(Timeout);

        // Assert
        Assert.Null(outcome.Error);
        Assert.Null(second.Error);
        Assert.Equal(2, afterFirst);
        Assert.Equal(afterFirst, _bed.Allocations);
        var infra = await _bed.GetAsync(shoot).WaitAsync(Timeout);
        var status = infra.Status!;
        Assert.Equal(LastOperationState.Succeeded, status.LastOperation!.State);
        Assert.Null(status.LastError);
        var network = Assert.Single(_bed.Sim.NetworksWithLabel(MetalTags.ClusterId, shoot.Uid));
        var firewall = Assert.Single(_bed.Sim.MachinesWithTag(shoot.ClusterTag));
        Assert.Equal(network.Prefixes[0], status.NodesCidr);
        Assert.Equal([network.Prefixes[0]], status.Networking!.Nodes!);
        var providerStatus = status.ProviderStatus!.Value;
        Assert.Equal("InfrastructureStatus", providerStatus.GetProperty("kind").GetString());
        Assert.Equal(firewall.Id, providerStatus.GetProperty("firewall").GetProperty("machineID").GetString());
        Assert.Equal(network.Id, providerStatus.GetProperty("networkID").GetString());
        var state = status.State!.Value;
        Assert.Equal(shoot.Uid, state.GetProperty("clusterID").GetString());
        Assert.Equal(network.Id, state.GetProperty("nodeNetwork").GetProperty("id").GetString());
        Assert.Equal(firewall.Id, state.GetProperty("firewall").GetProperty("machineID").GetString());
        Assert.Equal(MachineRoles.Firewall, firewall.Allocation!.Role);
        Assert.True(firewall.Allocation.Succeeded);
        Assert.Equal(InfrastructureTestBed.ImageA, firewall.Allocation.Image!.Id);
        Assert.True(firewall.Allocation.Networks.Select(n => n.NetworkId).ToHashSet().SetEquals([InfrastructureTestBed.ExternalNetwork, network.Id]));
        Assert.Single(firewall.Allocation.SshPubKeys);
        Assert.Contains(infra.Metadata.Finalizers!, f => f == "extensions.gardener.cloud/infrastructure");
    }

    [Theory]
    [InlineData("AllocateNetworkAsync")]
    [InlineData("AllocateFirewallAsync")]
    public async Task Reconcile_KilledAfterAllocatingBeforeStatus_RestartMakesNoDuplicates(string crashAfter)
    {
        // Arrange
        var shoot = await _bed.CreateShootAsync("crash").WaitAsync(Timeout);
        using var kill = new CancellationTokenSource();
        CrashingMetalApiClient? crashing = null;
        var factory = new WrappingClientFactory(_bed.Clients, inner => crashing ??= new CrashingMetalApiClient(inner, crashAfter, kill));
        var dying = _bed.NewReconciler(_bed.NewActuator(factory));

        // Act: the first controller dies right after metal-api allocated, before any status write.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dying.ReconcileAsync(shoot.Key, kill.Token).WaitAsync(Timeout));
        var beforeRestart = await _bed.GetAsync(shoot).WaitAsync(Timeout);
        var outcome = await InfrastructureTestBed.DriveAsync(_bed.NewReconciler(), shoot.Key).WaitAsync(Timeout);

        // Assert
        Assert.True(crashing!.Crashed);
        Assert.Null(beforeRestart.Status?.NodesCidr);
        Assert.Null(outcome.Error);
        var network = Assert.Single(_bed.Sim.NetworksWithLabel(MetalTags.ClusterId, shoot.Uid));
        var firewall = Assert.Single(_bed.Sim.MachinesWithTag(shoot.ClusterTag));
        var status = (await _bed.GetAsync(shoot).WaitAsync(Timeout)).Status!;
        Assert.Equal(network.Prefixes[0], status.NodesCidr);
        Assert.Equal(firewall.Id, status.ProviderStatus!.Value.GetProperty("firewall").GetProperty("machineID").GetString());
        Assert.Equal(1, _bed.Sim.RequestCount("allocateNetwork"));
        Assert.Equal(1, _bed.Sim.RequestCount("allocateFirewall"));
    }

    [Fact]
    public async Task Reconcile_FirewallImageChanged_ReplacesAfterPhoneHomeAndEndsWithOneFirewall()
    {
        // Arrange
        var shoot = await _bed.CreateShootAsync("image").WaitAsync(Timeout);
        Assert.Null((await InfrastructureTestBed.DriveAsync(_bed.NewReconciler(), shoot.Key).WaitAsync(Timeout)).Error);
        var old = Assert.Single(_bed.Sim.MachinesWithTag(shoot.ClusterTag));
        await _bed.PatchProviderConfigAsync(shoot, InfrastructureTestBed.ProviderConfig(InfrastructureTestBed.ImageB, null)).WaitAsync(Timeout);
        var reconciler = _bed.NewReconciler();

        // Act
        var first = await reconciler.ReconcileAsync(shoot.Key, CancellationToken.None).WaitAsync(Timeout);
        var whileWaiting = _bed.Sim.MachinesWithTag(shoot.ClusterTag);
        var pendingStatus = (await _bed.GetAsync(shoot).WaitAsync(Timeout)).Status!;
        var final = await InfrastructureTestBed.DriveAsync(reconciler, shoot.Key).WaitAsync(Timeout);

        // Assert: allocate new, wait for phone home (old one kept meanwhile), then free the old one.
        Assert.NotNull(first.RequeueAfter);
        Assert.Equal(2, whileWaiting.Count);
        Assert.Equal(LastOperationState.Processing, pendingStatus.LastOperation!.State);
        Assert.Contains("phone home", pendingStatus.LastOperation.Description, StringComparison.Ordinal);
        Assert.Null(final.Error);
        var current = Assert.Single(_bed.Sim.MachinesWithTag(shoot.ClusterTag));
        Assert.NotEqual(old.Id, current.Id);
        Assert.Equal(InfrastructureTestBed.ImageB, current.Allocation!.Image!.Id);
        Assert.Null(_bed.Sim.Machine(old.Id)!.Allocation);
        var status = (await _bed.GetAsync(shoot).WaitAsync(Timeout)).Status!;
        Assert.Equal(current.Id, status.ProviderStatus!.Value.GetProperty("firewall").GetProperty("machineID").GetString());
        Assert.Equal(LastOperationState.Succeeded, status.LastOperation!.State);
    }

    [Fact]
    public async Task Reconcile_FirewallFreedOutsideTheExtension_IsRecreated()
    {
        // Arrange (upstream #15: a firewall deleted outside the extension was never recreated)
        var shoot = await _bed.CreateShootAsync("recreate").WaitAsync(Timeout);
        Assert.Null((await InfrastructureTestBed.DriveAsync(_bed.NewReconciler(), shoot.Key).WaitAsync(Timeout)).Error);
        var old = Assert.Single(_bed.Sim.MachinesWithTag(shoot.ClusterTag));
        using var metal = _bed.MetalClient();
        await metal.FreeMachineAsync(old.Id).WaitAsync(Timeout);

        // Act
        var outcome = await InfrastructureTestBed.DriveAsync(_bed.NewReconciler(), shoot.Key).WaitAsync(Timeout);

        // Assert
        Assert.Null(outcome.Error);
        var current = Assert.Single(_bed.Sim.MachinesWithTag(shoot.ClusterTag));
        Assert.True(current.Allocation!.Succeeded);
        Assert.Single(_bed.Sim.NetworksWithLabel(MetalTags.ClusterId, shoot.Uid));
    }

    [Fact]
    public async Task Reconcile_EgressRules_TagsListedStaticIpsAndUntagsTheOthers()
    {
        // Arrange
        using var metal = _bed.MetalClient();
        var first = await metal.AllocateIPAsync(new IPAllocateRequest { NetworkId = InfrastructureTestBed.ExternalNetwork, ProjectId = InfrastructureTestBed.ProjectId, Type = IPTypes.Static, Name = "egress-1" }).WaitAsync(Timeout);
        var second = await metal.AllocateIPAsync(new IPAllocateRequest { NetworkId = InfrastructureTestBed.ExternalNetwork, ProjectId = InfrastructureTestBed.ProjectId, Type = IPTypes.Static, Name = "egress-2" }).WaitAsync(Timeout);
        var shoot = await _bed.CreateShootAsync("egress", egressRules: Egress(first.IpAddress, second.IpAddress)).WaitAsync(Timeout);
        Assert.Null((await InfrastructureTestBed.DriveAsync(_bed.NewReconciler(), shoot.Key).WaitAsync(Timeout)).Error);
        var taggedBoth = _bed.Sim.IPsWithTag(MetalTags.Egress(shoot.Uid)).Select(i => i.IpAddress).Order().ToList();

        // Act: drop the second IP from the rules.
        await _bed.PatchProviderConfigAsync(shoot, InfrastructureTestBed.ProviderConfig(InfrastructureTestBed.ImageA, Egress(first.IpAddress))).WaitAsync(Timeout);
        var outcome = await InfrastructureTestBed.DriveAsync(_bed.NewReconciler(), shoot.Key).WaitAsync(Timeout);

        // Assert
        Assert.Equal(new[] { first.IpAddress, second.IpAddress }.Order(), taggedBoth);
        Assert.Null(outcome.Error);
        var tagged = Assert.Single(_bed.Sim.IPsWithTag(MetalTags.Egress(shoot.Uid)));
        Assert.Equal(first.IpAddress, tagged.IpAddress);
        Assert.Equal("egress-1", tagged.Name);
        var status = (await _bed.GetAsync(shoot).WaitAsync(Timeout)).Status!;
        Assert.Equal([first.IpAddress + "/32"], status.EgressCidrs!);
    }

    [Fact]
    public async Task Delete_ReconciledShoot_LeavesNothingOfTheClusterAndKeepsOthers()
    {
        // Arrange: a static egress IP, an ephemeral service IP tagged for the cluster, and a foreign cluster's IP.
        using var metal = _bed.MetalClient();
        var egress = await metal.AllocateIPAsync(new IPAllocateRequest { NetworkId = InfrastructureTestBed.ExternalNetwork, ProjectId = InfrastructureTestBed.ProjectId, Type = IPTypes.Static }).WaitAsync(Timeout);
        var other = await _bed.CreateShootAsync("other").WaitAsync(Timeout);
        var shoot = await _bed.CreateShootAsync("delete", egressRules: Egress(egress.IpAddress)).WaitAsync(Timeout);
        Assert.Null((await InfrastructureTestBed.DriveAsync(_bed.NewReconciler(), other.Key).WaitAsync(Timeout)).Error);
        Assert.Null((await InfrastructureTestBed.DriveAsync(_bed.NewReconciler(), shoot.Key).WaitAsync(Timeout)).Error);
        var serviceIp = await metal.AllocateIPAsync(new IPAllocateRequest
        {
            NetworkId = InfrastructureTestBed.ExternalNetwork,
            ProjectId = InfrastructureTestBed.ProjectId,
            Type = IPTypes.Ephemeral,
            Tags = [$"{MetalTags.ClusterId}/namespace/service={shoot.Uid}/default/ingress"],
        }).WaitAsync(Timeout);
        var foreignIp = await metal.AllocateIPAsync(new IPAllocateRequest
        {
            NetworkId = InfrastructureTestBed.ExternalNetwork,
            ProjectId = InfrastructureTestBed.ProjectId,
            Type = IPTypes.Ephemeral,
            Tags = [other.ClusterTag],
        }).WaitAsync(Timeout);

        // Act
        await _bed.DeleteAsync(shoot).WaitAsync(Timeout);
        var outcome = await InfrastructureTestBed.DriveAsync(_bed.NewReconciler(), shoot.Key).WaitAsync(Timeout);

        // Assert
        Assert.Null(outcome.Error);
        Assert.Null(await _bed.Store.GetAsync(shoot.Key, live: true, CancellationToken.None).WaitAsync(Timeout));
        Assert.Empty(_bed.Sim.MachinesWithTag(shoot.ClusterTag));
        Assert.Empty(_bed.Sim.NetworksWithLabel(MetalTags.ClusterId, shoot.Uid));
        Assert.DoesNotContain(_bed.Sim.IPs(), ip => (ip.Tags ?? []).Any(t => MetalTags.IsClusterTag(t, shoot.Uid)));
        Assert.DoesNotContain(_bed.Sim.IPs(), ip => ip.IpAddress == serviceIp.IpAddress);
        var keptEgress = Assert.Single(_bed.Sim.IPs(), ip => ip.IpAddress == egress.IpAddress);
        Assert.Equal(IPTypes.Static, keptEgress.Type);
        Assert.Single(_bed.Sim.MachinesWithTag(other.ClusterTag));
        Assert.Single(_bed.Sim.NetworksWithLabel(MetalTags.ClusterId, other.Uid));
        Assert.Contains(_bed.Sim.IPs(), ip => ip.IpAddress == foreignIp.IpAddress);
    }

    [Fact]
    public async Task Delete_SecretDeletedFirst_HeldByTheFinalizerSoDeleteFreesEverything()
    {
        // Arrange: issue 20 — deleting the shoot namespace removed the cloudprovider Secret before the Infrastructure,
        // whose delete then failed on the missing Secret and leaked the network, firewall and IPs.
        var shoot = await _bed.CreateShootAsync("nsdelete").WaitAsync(Timeout);
        Assert.Null((await InfrastructureTestBed.DriveAsync(_bed.NewReconciler(), shoot.Key).WaitAsync(Timeout)).Error);

        // Act
        await _bed.Kube.Secrets.DeleteAsync(shoot.Namespace, "cloudprovider").WaitAsync(Timeout);
        var held = await _bed.Kube.Secrets.TryGetAsync(shoot.Namespace, "cloudprovider").WaitAsync(Timeout);
        await _bed.DeleteAsync(shoot).WaitAsync(Timeout);
        var outcome = await InfrastructureTestBed.DriveAsync(_bed.NewReconciler(), shoot.Key).WaitAsync(Timeout);

        // Assert
        Assert.NotNull(held);
        Assert.Contains("extensions.gardener.cloud/infrastructure", held.Metadata.Finalizers!);
        Assert.Null(outcome.Error);
        Assert.Empty(_bed.Sim.MachinesWithTag(shoot.ClusterTag));
        Assert.Empty(_bed.Sim.NetworksWithLabel(MetalTags.ClusterId, shoot.Uid));
        Assert.Null(await _bed.Kube.Secrets.TryGetAsync(shoot.Namespace, "cloudprovider").WaitAsync(Timeout));
    }

    [Fact]
    public async Task Delete_NodeNetworkStillInUse_ReportsRetryableLastErrorThenSucceeds()
    {
        // Arrange: an IP of a worker machine still allocated in the node network.
        var shoot = await _bed.CreateShootAsync("inuse").WaitAsync(Timeout);
        Assert.Null((await InfrastructureTestBed.DriveAsync(_bed.NewReconciler(), shoot.Key).WaitAsync(Timeout)).Error);
        var network = Assert.Single(_bed.Sim.NetworksWithLabel(MetalTags.ClusterId, shoot.Uid));
        using var metal = _bed.MetalClient();
        var workerIp = await metal.AllocateIPAsync(new IPAllocateRequest { NetworkId = network.Id, ProjectId = InfrastructureTestBed.ProjectId, Type = IPTypes.Ephemeral }).WaitAsync(Timeout);
        await _bed.DeleteAsync(shoot).WaitAsync(Timeout);
        var reconciler = _bed.NewReconciler();

        // Act
        var blocked = await InfrastructureTestBed.DriveAsync(reconciler, shoot.Key).WaitAsync(Timeout);
        var blockedStatus = (await _bed.GetAsync(shoot).WaitAsync(Timeout)).Status!;
        await metal.FreeIPAsync(workerIp.IpAddress).WaitAsync(Timeout);
        var done = await InfrastructureTestBed.DriveAsync(reconciler, shoot.Key).WaitAsync(Timeout);

        // Assert
        Assert.NotNull(blocked.Error);
        Assert.True(blocked.Error.Retryable);
        Assert.Equal([GardenerErrorCodes.RetryableInfraDependencies], blockedStatus.LastError!.Codes!);
        Assert.Contains("still in use", blockedStatus.LastError.Description, StringComparison.Ordinal);
        Assert.Contains(network.Id, blockedStatus.LastError.Description, StringComparison.Ordinal);
        Assert.Empty(_bed.Sim.MachinesWithTag(shoot.ClusterTag));
        Assert.Null(done.Error);
        Assert.Empty(_bed.Sim.NetworksWithLabel(MetalTags.ClusterId, shoot.Uid));
        Assert.Null(await _bed.Store.GetAsync(shoot.Key, live: true, CancellationToken.None).WaitAsync(Timeout));
    }

    [Theory]
    [InlineData("allocateNetwork", false, GardenerErrorCodes.RetryableInfraDependencies)]
    [InlineData("allocateFirewall", false, GardenerErrorCodes.RetryableInfraDependencies)]
    [InlineData("allocateFirewall", true, GardenerErrorCodes.InfraResourcesDepleted)]
    [InlineData("allocateNetwork", true, GardenerErrorCodes.InfraResourcesDepleted)]
    public async Task Reconcile_InjectedFault_ShowsLastErrorCodeThenRecovers(string operationId, bool exhausted, string expectedCode)
    {
        // Arrange
        var shoot = await _bed.CreateShootAsync("fault").WaitAsync(Timeout);
        _bed.Sim.Faults.Set(operationId, exhausted ? new FaultRule { Exhausted = true } : new FaultRule { FailNext = 1000, ErrorStatusCode = 503 });
        var reconciler = _bed.NewReconciler();

        // Act
        var failed = await InfrastructureTestBed.DriveAsync(reconciler, shoot.Key).WaitAsync(Timeout);
        var failedStatus = (await _bed.GetAsync(shoot).WaitAsync(Timeout)).Status!;
        _bed.Sim.Faults.ClearAll();
        var recovered = await InfrastructureTestBed.DriveAsync(reconciler, shoot.Key).WaitAsync(Timeout);

        // Assert
        Assert.NotNull(failed.Error);
        Assert.True(failed.Error.Retryable);
        Assert.Equal(LastOperationState.Error, failedStatus.LastOperation!.State);
        Assert.Equal([expectedCode], failedStatus.LastError!.Codes!);
        Assert.Null(recovered.Error);
        var status = (await _bed.GetAsync(shoot).WaitAsync(Timeout)).Status!;
        Assert.Equal(LastOperationState.Succeeded, status.LastOperation!.State);
        Assert.Null(status.LastError);
        Assert.Single(_bed.Sim.MachinesWithTag(shoot.ClusterTag));
        Assert.Single(_bed.Sim.NetworksWithLabel(MetalTags.ClusterId, shoot.Uid));
    }

    [Fact]
    public async Task Reconcile_WrongHmacKey_ReportsUnauthenticated()
    {
        // Arrange
        var shoot = await _bed.CreateShootAsync("unauthenticated", hmacKey: "not-the-key").WaitAsync(Timeout);

        // Act
        var outcome = await InfrastructureTestBed.DriveAsync(_bed.NewReconciler(), shoot.Key).WaitAsync(Timeout);

        // Assert
        Assert.NotNull(outcome.Error);
        Assert.False(outcome.Error.Retryable);
        var status = (await _bed.GetAsync(shoot).WaitAsync(Timeout)).Status!;
        Assert.Equal([GardenerErrorCodes.InfraUnauthenticated], status.LastError!.Codes!);
        Assert.DoesNotContain("not-the-key", status.LastError.Description, StringComparison.Ordinal);
        Assert.Empty(_bed.Sim.NetworksWithLabel(MetalTags.ClusterId, shoot.Uid));
    }

    [Fact]
    public async Task Reconcile_ViewOnlyCredentials_ReportsUnauthorized()
    {
        // Arrange: Metal-View may find but not allocate.
        var shoot = await _bed.CreateShootAsync("unauthorized", hmacKey: _bed.Sim.ViewHmacKey).WaitAsync(Timeout);
        var actuator = _bed.NewActuator(options: _bed.ActuatorOptions with { HmacAuthType = MetalApi.MetalApiAuthTypes.View });

        // Act
        var outcome = await InfrastructureTestBed.DriveAsync(_bed.NewReconciler(actuator), shoot.Key).WaitAsync(Timeout);

        // Assert
        Assert.NotNull(outcome.Error);
        var status = (await _bed.GetAsync(shoot).WaitAsync(Timeout)).Status!;
        Assert.Equal([GardenerErrorCodes.InfraUnauthorized], status.LastError!.Codes!);
        Assert.Empty(_bed.Sim.NetworksWithLabel(MetalTags.ClusterId, shoot.Uid));
    }

    [Theory]
    [InlineData("networks", "spec.providerConfig.firewall.networks")]
    [InlineData("image", "spec.providerConfig.firewall.image")]
    [InlineData("unknown", "spec.providerConfig.firewall.bogus")]
    public async Task Reconcile_InvalidConfig_ReportsConfigurationProblemWithFieldPath(string defect, string expectedPath)
    {
        // Arrange
        var config = InfrastructureTestBed.ProviderConfig(InfrastructureTestBed.ImageA, null);
        var firewall = config["firewall"]!.AsObject();
        switch (defect)
        {
            case "networks":
                firewall["networks"] = new JsonArray();
                firewall.Remove("rateLimits");
                break;
            case "image":
                firewall["image"] = "firewall-not-offered";
                break;
            default:
                firewall["bogus"] = true;
                break;
        }

        var shoot = await _bed.CreateShootAsync("invalid-" + defect, providerConfig: config).WaitAsync(Timeout);

        // Act
        var outcome = await InfrastructureTestBed.DriveAsync(_bed.NewReconciler(), shoot.Key).WaitAsync(Timeout);

        // Assert
        Assert.NotNull(outcome.Error);
        Assert.False(outcome.Error.Retryable);
        var status = (await _bed.GetAsync(shoot).WaitAsync(Timeout)).Status!;
        Assert.Equal([GardenerErrorCodes.ConfigurationProblem], status.LastError!.Codes!);
        Assert.Contains(expectedPath, status.LastError.Description, StringComparison.Ordinal);
        Assert.Equal(0, _bed.Sim.RequestCount("findNetworks") + _bed.Allocations);
    }

    [Fact]
    public async Task Reconcile_ShootNodesGiven_UsesThatNetworkAndDeleteLeavesIt()
    {
        // Arrange: a network the user brought (not tagged for the cluster).
        using var metal = _bed.MetalClient();
        var own = await metal.AllocateNetworkAsync(new NetworkAllocateRequest { ProjectId = InfrastructureTestBed.ProjectId, PartitionId = InfrastructureTestBed.PartitionId, Name = "byo" }).WaitAsync(Timeout);
        var shoot = await _bed.CreateShootAsync("nodes", nodes: own.Prefixes[0]).WaitAsync(Timeout);

        // Act
        var outcome = await InfrastructureTestBed.DriveAsync(_bed.NewReconciler(), shoot.Key).WaitAsync(Timeout);
        var status = (await _bed.GetAsync(shoot).WaitAsync(Timeout)).Status!;
        await _bed.DeleteAsync(shoot).WaitAsync(Timeout);
        var deleted = await InfrastructureTestBed.DriveAsync(_bed.NewReconciler(), shoot.Key).WaitAsync(Timeout);

        // Assert
        Assert.Null(outcome.Error);
        Assert.Equal(own.Prefixes[0], status.NodesCidr);
        Assert.Equal(own.Id, status.ProviderStatus!.Value.GetProperty("networkID").GetString());
        Assert.Equal(1, _bed.Sim.RequestCount("allocateNetwork"));
        Assert.Null(deleted.Error);
        Assert.Contains(_bed.Sim.Networks(), n => n.Id == own.Id);
        Assert.Empty(_bed.Sim.MachinesWithTag(shoot.ClusterTag));
    }

    [Fact]
    public async Task MigrateThenRestore_IntoAnotherNamespace_AdoptsWithoutAllocating()
    {
        // Arrange
        var source = await _bed.CreateShootAsync("migrate").WaitAsync(Timeout);
        Assert.Null((await InfrastructureTestBed.DriveAsync(_bed.NewReconciler(), source.Key).WaitAsync(Timeout)).Error);
        var network = Assert.Single(_bed.Sim.NetworksWithLabel(MetalTags.ClusterId, source.Uid));
        var firewall = Assert.Single(_bed.Sim.MachinesWithTag(source.ClusterTag));
        var allocations = _bed.Allocations;

        // Act: migrate on the old seed, then restore in another namespace from the persisted state.
        await _bed.AnnotateAsync(source, "migrate").WaitAsync(Timeout);
        var migrated = await InfrastructureTestBed.DriveAsync(_bed.NewReconciler(), source.Key).WaitAsync(Timeout);
        var migratedInfra = await _bed.GetAsync(source).WaitAsync(Timeout);
        var state = JsonNode.Parse(migratedInfra.Status!.State!.Value.GetRawText())!;
        var target = await _bed.CreateRestoredShootAsync("restored", source.Uid, state).WaitAsync(Timeout);
        var restored = await InfrastructureTestBed.DriveAsync(_bed.NewReconciler(), target.Key).WaitAsync(Timeout);

        // Assert
        Assert.Null(migrated.Error);
        Assert.Equal(LastOperationType.Migrate, migratedInfra.Status.LastOperation!.Type);
        Assert.Equal(LastOperationState.Succeeded, migratedInfra.Status.LastOperation.State);
        Assert.DoesNotContain(migratedInfra.Metadata.Finalizers ?? [], f => f == "extensions.gardener.cloud/infrastructure");
        Assert.Null(restored.Error);
        Assert.Equal(allocations, _bed.Allocations);
        Assert.Equal(firewall.Id, Assert.Single(_bed.Sim.MachinesWithTag(source.ClusterTag)).Id);
        Assert.Single(_bed.Sim.NetworksWithLabel(MetalTags.ClusterId, source.Uid));
        var infra = await _bed.GetAsync(target).WaitAsync(Timeout);
        Assert.Equal(LastOperationType.Restore, infra.Status!.LastOperation!.Type);
        Assert.Equal(LastOperationState.Succeeded, infra.Status.LastOperation.State);
        Assert.Equal(network.Prefixes[0], infra.Status.NodesCidr);
        Assert.Equal(firewall.Id, infra.Status.ProviderStatus!.Value.GetProperty("firewall").GetProperty("machineID").GetString());
        Assert.Equal(network.Id, infra.Status.ProviderStatus!.Value.GetProperty("networkID").GetString());
        Assert.False(infra.Metadata.Annotations?.ContainsKey("gardener.cloud/operation") ?? false);
    }

    private static JsonArray Egress(params string[] ips) =>
        new(new JsonObject { ["networkID"] = InfrastructureTestBed.ExternalNetwork, ["ips"] = new JsonArray([.. ips.Select(ip => (JsonNode?)JsonValue.Create(ip))]) });
}
