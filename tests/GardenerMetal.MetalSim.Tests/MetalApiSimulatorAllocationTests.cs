using GardenerMetal.MetalApi;
using GardenerMetal.MetalApi.V1;

namespace GardenerMetal.MetalSim.Tests;

public class MetalApiSimulatorAllocationTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private const string Project = "p-1";

    private const string Inventory = """
partitions: [{ id: part-a }]
sizes: [{ id: s1, cpuCores: 4, memoryGiB: 8, storageGiB: 100 }]
images: [{ id: ubuntu-24.04, features: [machine] }]
projects: [{ id: p-1, name: one }, { id: p-2, name: two }]
networks:
  - { id: super, partition: part-a, prefixes: [10.0.0.0/16], privateSuper: true, childPrefixLength: 24 }
machines:
  - { partition: part-a, size: s1, count: 20, racks: [r1, r2, r3, r4] }
""";

    private static MachineAllocateRequest Request(string project = Project, params string[] placement) => new()
    {
        PartitionId = "part-a",
        ProjectId = project,
        SizeId = "s1",
        ImageId = "ubuntu-24.04",
        SshPubKeys = [],
        PlacementTags = placement,
        Tags = placement,
    };

    [Fact]
    public async Task AllocateMachine_50ConcurrentForLast10_Exactly10SucceedRestExhaustedNoDoubles()
    {
        // Arrange
        await using var sim = await MetalApiSimulator.StartAsync(new MetalSimOptions { InventoryYaml = Inventory }).WaitAsync(Bound);
        using var client = sim.CreateClient();
        for (var i = 0; i < 10; i++)
        {
            await client.AllocateMachineAsync(Request()).WaitAsync(Bound);
        }

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            try
            {
                return (Machine: await client.AllocateMachineAsync(Request("p-2")), Error: (MetalApiException?)null);
            }
            catch (MetalApiException ex)
            {
                return (Machine: (MachineResponse?)null, Error: ex);
            }
        })).WaitAsync(Bound);

        // Assert
        var won = results.Where(r => r.Machine is not null).Select(r => r.Machine!.Id).ToList();
        Assert.Equal(10, won.Count);
        Assert.Equal(10, won.Distinct().Count());
        Assert.All(results.Where(r => r.Error is not null), r => Assert.True(r.Error!.IsExhausted, r.Error.Message));
        Assert.Equal(40, results.Count(r => r.Error is not null));
        Assert.Equal(20, sim.AllocatedMachines().Select(m => m.Id).Distinct().Count());
        Assert.Equal(0, sim.AvailableMachineCount("part-a", "s1"));
    }

    [Fact]
    public async Task AllocateMachine_SamePlacementTags_SpreadAcrossRacks()
    {
        await using var sim = await MetalApiSimulator.StartAsync(new MetalSimOptions { InventoryYaml = Inventory }).WaitAsync(Bound);
        using var client = sim.CreateClient();

        var racks = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            racks.Add((await client.AllocateMachineAsync(Request(Project, "cluster.metal-stack.io/id=x")).WaitAsync(Bound)).RackId);
        }

        Assert.Equal(4, racks.Distinct().Count());
        Assert.Equal(4, sim.MachinesWithTag("cluster.metal-stack.io/id=x").Count);
    }

    [Fact]
    public async Task AllocateMachine_Uuid_AllocatesThatMachineAndRejectsSecondTime()
    {
        await using var sim = await MetalApiSimulator.StartAsync(new MetalSimOptions { InventoryYaml = Inventory }).WaitAsync(Bound);
        using var client = sim.CreateClient();
        var id = sim.Machines()[7].Id;

        var m = await client.AllocateMachineAsync(Request() with { Uuid = id }).WaitAsync(Bound);
        var ex = await Assert.ThrowsAsync<MetalApiException>(() => client.AllocateMachineAsync(Request() with { Uuid = id })).WaitAsync(Bound);

        Assert.Equal(id, m.Id);
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, ex.StatusCode);
        Assert.Equal("machine is already allocated", ex.MetalMessage);
    }

    [Fact]
    public async Task Provisioning_ClockAdvances_WaitingInstallingPhonedHomeThenReclaim()
    {
        // Arrange
        var clock = new SimulatedClock();
        var step = TimeSpan.FromSeconds(10);
        await using var sim = await MetalApiSimulator.StartAsync(new MetalSimOptions { InventoryYaml = Inventory, Clock = clock, ProvisioningStepDuration = step }).WaitAsync(Bound);
        using var client = sim.CreateClient();

        // Act + Assert
        var m = await client.AllocateMachineAsync(Request()).WaitAsync(Bound);
        Assert.Equal(ProvisioningEventTypes.Waiting, m.Events!.Log[0].Event);
        Assert.False(m.Allocation!.Succeeded);

        clock.Advance(step);
        m = await client.GetMachineAsync(m.Id).WaitAsync(Bound);
        Assert.Equal(ProvisioningEventTypes.Installing, m.Events!.Log[0].Event);
        Assert.False(m.Allocation!.Succeeded);

        clock.Advance(2 * step);
        m = await client.GetMachineAsync(m.Id).WaitAsync(Bound);
        Assert.Equal(ProvisioningEventTypes.PhonedHome, m.Events!.Log[0].Event);
        Assert.Equal(ProvisioningEventTypes.BootingNewKernel, m.Events.Log[1].Event);
        Assert.True(m.Allocation!.Succeeded);
        Assert.Equal(MachineLiveliness.Alive, m.Liveliness);
        Assert.Single(await client.FindMachinesAsync(new MachineFindRequest { AllocationSucceeded = true }).WaitAsync(Bound));

        await client.FreeMachineAsync(m.Id).WaitAsync(Bound);
        var before = sim.AvailableMachineCount("part-a", "s1");
        clock.Advance(step);
        Assert.Equal(before + 1, sim.AvailableMachineCount("part-a", "s1"));
        Assert.Equal(ProvisioningEventTypes.Waiting, sim.Machine(m.Id)!.Events!.Log[0].Event);
        Assert.Equal(ProvisioningEventTypes.MachineReclaim, sim.Machine(m.Id)!.Events!.Log[1].Event);
    }

    [Fact]
    public async Task AllocateMachine_DeadMachines_NotChosen()
    {
        await using var sim = await MetalApiSimulator.StartAsync(new MetalSimOptions { InventoryYaml = Inventory }).WaitAsync(Bound);
        using var client = sim.CreateClient();
        foreach (var m in sim.Machines().Skip(1))
        {
            sim.SetMachineLiveliness(m.Id, MachineLiveliness.Dead);
        }

        var first = await client.AllocateMachineAsync(Request()).WaitAsync(Bound);
        var ex = await Assert.ThrowsAsync<MetalApiException>(() => client.AllocateMachineAsync(Request())).WaitAsync(Bound);

        Assert.Equal(sim.Machines()[0].Id, first.Id);
        Assert.True(ex.IsExhausted);
    }

    [Fact]
    public async Task Networks_ChildPrefixesAndIps_NoOverlapConflictOnFreeInUse()
    {
        await using var sim = await MetalApiSimulator.StartAsync(new MetalSimOptions { InventoryYaml = Inventory }).WaitAsync(Bound);
        using var client = sim.CreateClient();

        var a = await client.AllocateNetworkAsync(new NetworkAllocateRequest { PartitionId = "part-a", ProjectId = Project, Labels = new Dictionary<string, string> { ["k"] = "a" } }).WaitAsync(Bound);
        var b = await client.AllocateNetworkAsync(new NetworkAllocateRequest { PartitionId = "part-a", ProjectId = Project, Length = new Dictionary<string, long> { ["IPv4"] = 28 } }).WaitAsync(Bound);
        var m = await client.AllocateMachineAsync(Request() with { Networks = [new MachineAllocationNetwork { NetworkId = a.Id, AutoAcquire = true }] }).WaitAsync(Bound);
        var conflict = await Assert.ThrowsAsync<MetalApiException>(() => client.FreeNetworkAsync(a.Id)).WaitAsync(Bound);
        await client.FreeMachineAsync(m.Id).WaitAsync(Bound);
        var freed = await client.FreeNetworkAsync(a.Id).WaitAsync(Bound);

        Assert.Equal(["10.0.0.0/24"], a.Prefixes);
        Assert.Equal(["10.0.1.0/28"], b.Prefixes);
        Assert.Equal("10.0.0.1", Assert.Single(Assert.Single(m.Allocation!.Networks).Ips));
        Assert.True(Assert.Single(m.Allocation.Networks).Private);
        Assert.True(conflict.IsConflict);
        Assert.Equal(a.Id, freed.Id);
        Assert.Empty(sim.NetworksWithLabel("k"));
        Assert.Empty(sim.IPs());
    }

    [Fact]
    public async Task AllocateIP_PrefixExhausted_IsExhausted()
    {
        await using var sim = await MetalApiSimulator.StartAsync(new MetalSimOptions { InventoryYaml = Inventory }).WaitAsync(Bound);
        using var client = sim.CreateClient();
        var net = await client.AllocateNetworkAsync(new NetworkAllocateRequest { PartitionId = "part-a", ProjectId = Project, Length = new Dictionary<string, long> { ["IPv4"] = 30 } }).WaitAsync(Bound);

        await client.AllocateIPAsync(new IPAllocateRequest { NetworkId = net.Id, ProjectId = Project, Type = IPTypes.Ephemeral, Tags = ["t=1"] }).WaitAsync(Bound);
        await client.AllocateIPAsync(new IPAllocateRequest { NetworkId = net.Id, ProjectId = Project, Type = IPTypes.Ephemeral, Tags = ["t=1"] }).WaitAsync(Bound);
        var ex = await Assert.ThrowsAsync<MetalApiException>(() => client.AllocateIPAsync(new IPAllocateRequest { NetworkId = net.Id, ProjectId = Project, Type = IPTypes.Ephemeral })).WaitAsync(Bound);

        Assert.True(ex.IsExhausted);
        Assert.Equal(2, sim.IPsWithTag("t=1").Count);
    }
}
