using System.Text.Json;
using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Apis;
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
        Assert.Equal([InfrastructureTestBed.ExternalNetwork, network.Id], firewall.Allocation.Networks.Select(n => n.NetworkId).Order().ToArray().OrderBy(n => n == network.Id));
        Assert.Single(firewall.Allocation.SshPubKeys);
        Assert.Contains(infra.Metadata.Finalizers!, f => f == "extensions.gardener.cloud/infrastructure");
    }
}
