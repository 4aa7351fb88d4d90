using System.Text.Json.Nodes;
using GardenerMetal.Mcm.Driver.V1;
using GardenerMetal.Mcm.Metal;
using GardenerMetal.MetalApi;
using GardenerMetal.MetalApi.V1;
using GardenerMetal.MetalSim;
using Google.Protobuf;
using Grpc.Core;

namespace GardenerMetal.Mcm.Tests;

/// <summary>The metal driver against the metal-api simulator, called through the gRPC transport.</summary>
public sealed class MetalMachineDriverTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task CreateMachine_NewMachine_AllocatesScopedMachineAndReturnsProviderId()
    {
        // Arrange
        await using var h = await DriverHarness.StartAsync();

        // Act
        var created = await h.Client.CreateMachineAsync(h.Create("shoot-worker-a", "uid-1")).WaitAsync(Bound);

        // Assert
        Assert.True(MetalProviderId.TryParse(created.ProviderId, out var partition, out var uuid), created.ProviderId);
        Assert.Equal(DriverHarness.Partition, partition);
        Assert.Equal("shoot-worker-a", created.NodeName);
        var machine = h.Sim.Machine(uuid)!;
        Assert.Equal("shoot-worker-a", machine.Allocation!.Name);
        Assert.Equal(DriverHarness.Project, machine.Allocation.Project);
        Assert.Contains($"{MetalTags.ClusterId}=uid-1", machine.Tags);
        Assert.Equal("#cloud-config\nhostname: shoot-worker-a", machine.Allocation.UserData);
        Assert.Contains(machine.Allocation.Networks, n => n.NetworkId == h.Network);
        Assert.NotEmpty(created.Addresses);
    }

    [Fact]
    public async Task CreateMachine_Repeated_SameProviderIdAndOneAllocation()
    {
        // Arrange
        await using var h = await DriverHarness.StartAsync();
        var first = await h.Client.CreateMachineAsync(h.Create("w1", "uid-1")).WaitAsync(Bound);

        // Act
        var second = await h.Client.CreateMachineAsync(h.Create("w1", "uid-1")).WaitAsync(Bound);

        // Assert
        Assert.Equal(first.ProviderId, second.ProviderId);
        Assert.Single(h.Sim.MachinesWithTag($"{MetalTags.ClusterId}=uid-1"));
        Assert.Equal(1, h.Sim.RequestCount("allocateMachine"));
    }

    [Fact]
    public async Task CreateMachine_TwoDriverProcessesRaceOnOneName_OneAllocationLeftAndBothAnswerIt()
    {
        // Arrange: two driver processes (own locks) find nothing, then both allocate (slow allocations overlap).
        await using var h = await DriverHarness.StartAsync();
        var peer = await h.StartPeerDriverAsync().WaitAsync(Bound);
        h.Sim.Faults.Set("allocateMachine", new FaultRule { Latency = TimeSpan.FromMilliseconds(300) });

        // Act
        var results = await Task.WhenAll(
            h.Client.CreateMachineAsync(h.Create("w1", "uid-1")).ResponseAsync,
            peer.CreateMachineAsync(h.Create("w1", "uid-1")).ResponseAsync).WaitAsync(Bound);

        // Assert
        Assert.Equal(2, h.Sim.RequestCount("allocateMachine")); // the race really happened
        var left = Assert.Single(h.Sim.MachinesWithTag($"{MetalTags.ClusterId}=uid-1"));
        Assert.All(results, r => Assert.EndsWith("/" + left.Id, r.ProviderId, StringComparison.Ordinal));
        Assert.Single(h.Sim.AllocatedMachines());
    }

    [Fact]
    public async Task GetMachineStatus_MachineNameOver253_InvalidArgumentNamingFieldWithoutEchoingIt()
    {
        // Arrange
        await using var h = await DriverHarness.StartAsync();
        var name = new string('m', 20_000);

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => h.Client.GetMachineStatusAsync(h.Status(name, string.Empty, "uid-1")).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("machine_name is 20000 characters long", error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("mmmm", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateMachine_MachineNameOver253_InvalidArgumentWithoutMetalApiCall()
    {
        // Arrange
        await using var h = await DriverHarness.StartAsync();

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => h.Client.CreateMachineAsync(h.Create(new string('w', 254), "uid-1")).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("machine_name", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, h.Sim.RequestCount("allocateMachine"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StatusAndDelete_ProviderIdOver512_InvalidArgumentNamingField(bool status)
    {
        // Arrange: a 20k-character ID used to reach metal-api as a 414 and come back Internal.
        await using var h = await DriverHarness.StartAsync();
        var providerId = "metal:///" + DriverHarness.Partition + "/" + new string('a', 20_000);

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => status
            ? h.Client.GetMachineStatusAsync(h.Status("w1", providerId, "uid-1")).WaitAsync(Bound)
            : h.Client.DeleteMachineAsync(h.Delete("w1", providerId, "uid-1")).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("provider_id is", error.Status.Detail, StringComparison.Ordinal);
        Assert.True(error.Status.Detail.Length < 200, error.Status.Detail);
    }

    [Fact]
    public async Task CreateMachine_ConcurrentDuplicates_AllocateOnce()
    {
        // Arrange
        await using var h = await DriverHarness.StartAsync();

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => h.Client.CreateMachineAsync(h.Create("w1", "uid-1")).ResponseAsync)).WaitAsync(Bound);

        // Assert
        Assert.Single(results.Select(r => r.ProviderId).Distinct());
        Assert.Single(h.Sim.MachinesWithTag($"{MetalTags.ClusterId}=uid-1"));
        Assert.Equal(1, h.Sim.RequestCount("allocateMachine"));
    }

    [Fact]
    public async Task CreateMachine_PartitionExhausted_ResourceExhaustedThenRecoversWhenCapacityReturns()
    {
        // Arrange: take every machine of the size.
        await using var h = await DriverHarness.StartAsync();
        var taken = new List<CreateMachineResponse>();
        for (var i = 0; i < DriverHarness.MachinesOfSize; i++)
        {
            taken.Add(await h.Client.CreateMachineAsync(h.Create($"w{i}", "uid-1")).WaitAsync(Bound));
        }

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => h.Client.CreateMachineAsync(h.Create("one-too-many", "uid-1")).WaitAsync(Bound));
        await h.Client.DeleteMachineAsync(h.Delete("w0", taken[0].ProviderId, "uid-1")).WaitAsync(Bound);
        var recovered = await h.Client.CreateMachineAsync(h.Create("one-too-many", "uid-1")).WaitAsync(Bound);

        // Assert
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.StartsWith(MetalProviderId.Prefix, recovered.ProviderId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateMachine_ExtraNetworks_AttachedAfterNodeNetworkWithAnAddressEach()
    {
        // Arrange
        await using var h = await DriverHarness.StartAsync();
        var request = h.Create("w1", "uid-1");
        request.ProviderSpec = ByteString.CopyFrom(h.Spec("uid-1", spec => spec["networks"] = new JsonArray("internet")));

        // Act
        var created = await h.Client.CreateMachineAsync(request).WaitAsync(Bound);

        // Assert
        Assert.True(MetalProviderId.TryParse(created.ProviderId, out _, out var uuid));
        var networks = h.Sim.Machine(uuid)!.Allocation!.Networks;
        Assert.Equal([h.Network, "internet"], networks.Select(n => n.NetworkId));
        Assert.All(networks, n => Assert.Single(n.Ips));
        Assert.Equal(["InternalIP", "ExternalIP"], created.Addresses.Select(a => a.Type));
    }

    [Fact]
    public async Task CreateMachine_UnknownExtraNetwork_InvalidArgumentAndNothingAllocated()
    {
        // Arrange
        await using var h = await DriverHarness.StartAsync();
        var request = h.Create("w1", "uid-1");
        request.ProviderSpec = ByteString.CopyFrom(h.Spec("uid-1", spec => spec["networks"] = new JsonArray("no-such-net")));

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => h.Client.CreateMachineAsync(request).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("no-such-net", error.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(h.Sim.MachinesWithTag($"{MetalTags.ClusterId}=uid-1"));
    }

    public static TheoryData<string, string> BadSpecs => new()
    {
        { "remove:partition", "providerSpec.partition is required" },
        { "remove:network", "providerSpec.network is required" },
        { "empty:image", "providerSpec.image must not be empty" },
        { "tags:no-cluster", "providerSpec.tags must contain the cluster tag" },
        { "dns:bad", "providerSpec.dnsServers[0].ip 'not-an-ip' is not an IP address" },
        { "ntp:bad", "providerSpec.ntpServers[0].address is required" },
        { "unknown:sshkeys", "providerSpec.sshkeys is not a known field" },
        { "sshKeys:number", "providerSpec.sshKeys[0] must be a non-empty string" },
        { "hostSelector:op", "providerSpec.hostSelector.matchExpressions[0].operator 'Like' is not one of" },
        { "size:number", "providerSpec.size must be a string" },
        { "networks:node", "is the node network (providerSpec.network) and is attached already" },
        { "networks:twice", "providerSpec.networks[1] 'internet' is given more than once" },
    };

    [Theory]
    [MemberData(nameof(BadSpecs))]
    public async Task CreateMachine_BadProviderSpec_InvalidArgumentNamingField(string change, string expected)
    {
        // Arrange
        await using var h = await DriverHarness.StartAsync();
        var request = h.Create("w1", "uid-1");
        request.ProviderSpec = ByteString.CopyFrom(h.Spec("uid-1", spec => Apply(spec, change)));

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => h.Client.CreateMachineAsync(request).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(expected, error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, h.Sim.RequestCount("allocateMachine"));
    }

    [Theory]
    [InlineData("metalAPIURL", "metalAPIURL")]
    [InlineData("metalAPIHMac", "exactly one of 'metalAPIHMac' or 'metalAPIKey'")]
    [InlineData("userData", "secret.userData is missing")]
    public async Task CreateMachine_SecretKeyMissing_InvalidArgumentNamingKey(string key, string expected)
    {
        // Arrange
        await using var h = await DriverHarness.StartAsync();
        var secret = h.Secret();
        secret.Remove(key);

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => h.Client.CreateMachineAsync(h.Create("w1", "uid-1", secret)).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(expected, error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Sim.AdminHmacKey, error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("token: <<BOOTSTRAP_TOKEN>>")]
    [InlineData("source: data:,token%3A%20%3C%3CBOOTSTRAP_TOKEN%3E%3E")]
    public async Task CreateMachine_BootstrapTokenPlaceholderLeft_InvalidArgument(string userData)
    {
        // Arrange
        await using var h = await DriverHarness.StartAsync();

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => h.Client.CreateMachineAsync(h.Create("w1", "uid-1", h.Secret(userData))).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("<<BOOTSTRAP_TOKEN>>", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateMachine_WrongHmacKey_Unauthenticated()
    {
        // Arrange
        await using var h = await DriverHarness.StartAsync();
        var secret = h.Secret();
        secret["metalAPIHMac"] = ByteString.CopyFromUtf8("not-the-key");

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => h.Client.CreateMachineAsync(h.Create("w1", "uid-1", secret)).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.DoesNotContain("not-the-key", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(403, StatusCode.PermissionDenied)]
    [InlineData(503, StatusCode.Unavailable)]
    [InlineData(500, StatusCode.Unavailable)]
    public async Task CreateMachine_AllocateFails_MappedCode(int httpStatus, StatusCode expected)
    {
        // Arrange
        await using var h = await DriverHarness.StartAsync();
        h.Sim.Faults.Set("allocateMachine", new FaultRule { FailNext = 1, ErrorStatusCode = httpStatus });

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => h.Client.CreateMachineAsync(h.Create("w1", "uid-1")).WaitAsync(Bound));

        // Assert
        Assert.Equal(expected, error.StatusCode);
    }

    [Fact]
    public async Task CreateMachine_MetalApiTimesOut_Unavailable()
    {
        // Arrange
        await using var h = await DriverHarness.StartAsync(metalApiTimeout: TimeSpan.FromSeconds(2));
        h.Sim.Faults.Set("allocateMachine", new FaultRule { Timeout = true, TimeoutDuration = TimeSpan.FromSeconds(10) });

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => h.Client.CreateMachineAsync(h.Create("w1", "uid-1")).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task CreateMachine_ExhaustionInjected_ResourceExhausted()
    {
        // Arrange
        await using var h = await DriverHarness.StartAsync();
        h.Sim.Faults.Set("allocateMachine", new FaultRule { Exhausted = true });

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => h.Client.CreateMachineAsync(h.Create("w1", "uid-1")).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task GetMachineStatus_CreatedMachine_OkWithSameProviderId()
    {
        // Arrange
        await using var h = await DriverHarness.StartAsync();
        var created = await h.Client.CreateMachineAsync(h.Create("w1", "uid-1")).WaitAsync(Bound);

        // Act
        var status = await h.Client.GetMachineStatusAsync(h.Status("w1", created.ProviderId, "uid-1")).WaitAsync(Bound);
        var byName = await h.Client.GetMachineStatusAsync(h.Status("w1", string.Empty, "uid-1")).WaitAsync(Bound);

        // Assert
        Assert.Equal(created.ProviderId, status.ProviderId);
        Assert.Equal("w1", status.NodeName);
        Assert.Equal(created.ProviderId, byName.ProviderId);
    }

    [Fact]
    public async Task GetMachineStatus_MissingReleasedOrOtherCluster_NotFound()
    {
        // Arrange
        await using var h = await DriverHarness.StartAsync();
        var released = await h.Client.CreateMachineAsync(h.Create("w1", "uid-1")).WaitAsync(Bound);
        await h.Client.DeleteMachineAsync(h.Delete("w1", released.ProviderId, "uid-1")).WaitAsync(Bound);
        var foreign = await h.Client.CreateMachineAsync(h.Create("w2", "uid-2")).WaitAsync(Bound);

        // Act
        var missing = await Assert.ThrowsAsync<RpcException>(() => h.Client.GetMachineStatusAsync(h.Status("w0", $"metal:///{DriverHarness.Partition}/00000000-dead-beef-0000-000000000000", "uid-1")).WaitAsync(Bound));
        var releasedError = await Assert.ThrowsAsync<RpcException>(() => h.Client.GetMachineStatusAsync(h.Status("w1", released.ProviderId, "uid-1")).WaitAsync(Bound));
        var otherCluster = await Assert.ThrowsAsync<RpcException>(() => h.Client.GetMachineStatusAsync(h.Status("w2", foreign.ProviderId, "uid-1")).WaitAsync(Bound));
        var notCreated = await Assert.ThrowsAsync<RpcException>(() => h.Client.GetMachineStatusAsync(h.Status("w9", string.Empty, "uid-1")).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Equal(StatusCode.NotFound, releasedError.StatusCode);
        Assert.Equal(StatusCode.NotFound, otherCluster.StatusCode);
        Assert.Equal(StatusCode.NotFound, notCreated.StatusCode);
    }

    [Fact]
    public async Task GetMachineStatus_MalformedProviderId_InvalidArgument()
    {
        // Arrange
        await using var h = await DriverHarness.StartAsync();

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => h.Client.GetMachineStatusAsync(h.Status("w1", "aws:///eu/i-123", "uid-1")).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("provider_id", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteMachine_ExistingThenAgain_FreesOnceAndSecondCallOk()
    {
        // Arrange
        await using var h = await DriverHarness.StartAsync();
        var created = await h.Client.CreateMachineAsync(h.Create("w1", "uid-1")).WaitAsync(Bound);

        // Act
        await h.Client.DeleteMachineAsync(h.Delete("w1", created.ProviderId, "uid-1")).WaitAsync(Bound);
        await h.Client.DeleteMachineAsync(h.Delete("w1", created.ProviderId, "uid-1")).WaitAsync(Bound);
        await h.Client.DeleteMachineAsync(h.Delete("never-created", string.Empty, "uid-1")).WaitAsync(Bound);

        // Assert
        Assert.Empty(h.Sim.AllocatedMachines());
        Assert.Equal(1, h.Sim.RequestCount("freeMachine"));
    }

    [Fact]
    public async Task DeleteMachine_MetalApiAnswers404OnEveryRoute_UnavailableAndMachineStaysAllocated()
    {
        // Arrange: issue 20 — a wrong metalAPIURL answers 404 everywhere; that is no proof the machine is gone.
        await using var h = await DriverHarness.StartAsync();
        var created = await h.Client.CreateMachineAsync(h.Create("w1", "uid-1")).WaitAsync(Bound);
        h.Sim.Faults.Set(SimFaults.AllRoutes, new FaultRule { ErrorRate = 1, ErrorStatusCode = 404 });

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => h.Client.DeleteMachineAsync(h.Delete("w1", created.ProviderId, "uid-1")).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("not confirmed free", error.Status.Detail, StringComparison.Ordinal);
        Assert.Single(h.Sim.AllocatedMachines());
    }

    [Fact]
    public async Task DeleteMachine_FreeAnswers404_ConfirmedByReadBeforeOk()
    {
        // Arrange: the free route answers 404 once (a lost route) although the machine is still allocated.
        await using var h = await DriverHarness.StartAsync();
        var created = await h.Client.CreateMachineAsync(h.Create("w1", "uid-1")).WaitAsync(Bound);
        h.Sim.Faults.Set("freeMachine", new FaultRule { FailNext = 1, ErrorStatusCode = 404 });

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => h.Client.DeleteMachineAsync(h.Delete("w1", created.ProviderId, "uid-1")).WaitAsync(Bound));
        await h.Client.DeleteMachineAsync(h.Delete("w1", created.ProviderId, "uid-1")).WaitAsync(Bound);

        // Assert
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Empty(h.Sim.AllocatedMachines());
    }

    [Fact]
    public async Task DeleteMachine_OtherClustersMachine_LeftAlone()
    {
        // Arrange
        await using var h = await DriverHarness.StartAsync();
        var foreign = await h.Client.CreateMachineAsync(h.Create("w1", "uid-2")).WaitAsync(Bound);

        // Act
        await h.Client.DeleteMachineAsync(h.Delete("w1", foreign.ProviderId, "uid-1")).WaitAsync(Bound);

        // Assert
        Assert.Single(h.Sim.AllocatedMachines());
    }

    [Fact]
    public async Task ListMachines_TwoClustersAndAFirewall_OnlyOwnWorkers()
    {
        // Arrange
        await using var h = await DriverHarness.StartAsync();
        var a = await h.Client.CreateMachineAsync(h.Create("a1", "uid-1")).WaitAsync(Bound);
        var b = await h.Client.CreateMachineAsync(h.Create("a2", "uid-1")).WaitAsync(Bound);
        await h.Client.CreateMachineAsync(h.Create("b1", "uid-2")).WaitAsync(Bound);
        await h.Admin.AllocateFirewallAsync(new FirewallCreateRequest
        {
            Name = "fw",
            PartitionId = DriverHarness.Partition,
            ProjectId = DriverHarness.Project,
            SizeId = "n1-medium-x86",
            ImageId = "firewall-ubuntu-3.0",
            SshPubKeys = [],
            Networks = [new MachineAllocationNetwork { NetworkId = h.Network, AutoAcquire = true }, new MachineAllocationNetwork { NetworkId = "internet", AutoAcquire = true }],
            Tags = [$"{MetalTags.ClusterId}=uid-1"],
        }).WaitAsync(Bound);

        // Act
        var listed = await h.Client.ListMachinesAsync(h.List("uid-1")).WaitAsync(Bound);

        // Assert
        Assert.Equal(
            new Dictionary<string, string> { [a.ProviderId] = "a1", [b.ProviderId] = "a2" },
            listed.Machines.ToDictionary(kv => kv.Key, kv => kv.Value));
    }

    [Fact]
    public async Task GetVolumeIDs_LightbitsAndOtherCsi_NguidAndHandle()
    {
        // Arrange
        await using var h = await DriverHarness.StartAsync();
        var request = new GetVolumeIDsRequest();
        request.VolumeSpecs.Add(new VolumeSpec { Name = "pv1", CsiDriver = MetalMachineDriver.LightbitsCsiDriver, CsiVolumeHandle = "mgmt:10.0.0.1:443|nguid:abc-123|proj:default" });
        request.VolumeSpecs.Add(new VolumeSpec { Name = "pv2", CsiDriver = "csi.example.com", CsiVolumeHandle = "vol-9" });
        request.VolumeSpecs.Add(new VolumeSpec { Name = "pv3" });

        // Act
        var response = await h.Client.GetVolumeIDsAsync(request).WaitAsync(Bound);

        // Assert
        Assert.Equal(["abc-123", "vol-9"], response.VolumeIds);
    }

    [Fact]
    public async Task InitializeMachine_Any_Unimplemented()
    {
        // Arrange
        await using var h = await DriverHarness.StartAsync();

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => h.Client.InitializeMachineAsync(new InitializeMachineRequest { MachineName = "w1" }).WaitAsync(Bound));

        // Assert
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    private static void Apply(JsonObject spec, string change)
    {
        var (op, arg) = (change.Split(':')[0], change.Split(':')[1]);
        switch (op)
        {
            case "remove": spec.Remove(arg); break;
            case "empty": spec[arg] = " "; break;
            case "tags": spec["tags"] = new JsonArray("kubernetes.io/role=node"); break;
            case "dns": spec["dnsServers"] = new JsonArray(new JsonObject { ["ip"] = "not-an-ip" }); break;
            case "ntp": spec["ntpServers"] = new JsonArray(new JsonObject { ["server"] = "x" }); break;
            case "unknown": spec[arg] = new JsonArray(); break;
            case "sshKeys": spec["sshKeys"] = new JsonArray(5); break;
            case "size": spec["size"] = 5; break;
            case "networks" when arg == "node": spec["networks"] = new JsonArray(spec["network"]!.GetValue<string>()); break;
            case "networks": spec["networks"] = new JsonArray("internet", "internet"); break;
            case "hostSelector":
                spec["hostSelector"] = new JsonObject { ["matchExpressions"] = new JsonArray(new JsonObject { ["key"] = "rack", ["operator"] = "Like", ["values"] = new JsonArray("r1") }) };
                break;
            default: throw new ArgumentException(change, nameof(change));
        }
    }
}
