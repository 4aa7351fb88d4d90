using System.Net;
using GardenerMetal.MetalApi.V1;
using GardenerMetal.MetalSim;

namespace GardenerMetal.MetalApi.Tests;

public sealed class MetalApiClientTests : IAsyncLifetime
{
    private const string Partition = "sim-fra-equ01";
    private const string Project = "7a3e9c1e-5d2f-4f0b-9a61-2c8e4b6d1f00";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private MetalApiSimulator _sim = null!;

    public async ValueTask InitializeAsync() =>
        _sim = await MetalApiSimulator.StartAsync(new MetalSimOptions { ProvisioningStepDuration = TimeSpan.Zero }).WaitAsync(Bound);

    public async ValueTask DisposeAsync() => await _sim.DisposeAsync();

    private MetalApiClient Client(int maxRetries = 3, TimeSpan? timeout = null, CapturingLogger? logger = null) =>
        new(_sim.ClientOptions() with
        {
            MaxRetries = maxRetries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            RetryMaxDelay = TimeSpan.FromMilliseconds(50),
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
        }, logger: logger);

    private static MachineAllocateRequest Allocation(string? userData = null, string image = "ubuntu-24.04") => new()
    {
        PartitionId = Partition,
        ProjectId = Project,
        SizeId = "c1-medium-x86",
        ImageId = image,
        SshPubKeys = ["ssh-ed25519 AAAA test"],
        Tags = ["cluster.metal-stack.io/id=c1"],
        PlacementTags = ["cluster.metal-stack.io/id=c1"],
        UserData = userData,
    };

    [Fact]
    public async Task MachineLifecycle_AllocateFindGetFree_RoundTrips()
    {
        using var client = Client();

        var m = await client.AllocateMachineAsync(Allocation()).WaitAsync(Bound);
        var found = await client.FindMachinesAsync(new MachineFindRequest { Tags = ["cluster.metal-stack.io/id=c1"], AllocationProject = Project }).WaitAsync(Bound);
        var got = await client.GetMachineAsync(m.Id).WaitAsync(Bound);
        var freed = await client.FreeMachineAsync(m.Id).WaitAsync(Bound);

        Assert.Equal(MachineRoles.Machine, m.Allocation?.Role);
        Assert.Equal(m.Id, Assert.Single(found).Id);
        Assert.Equal(Partition, got.Partition?.Id);
        Assert.Null(freed.Allocation);
    }

    [Fact]
    public async Task FromSecretData_BearerAndHmac_BothAuthenticate()
    {
        using var hmac = MetalApiClient.FromSecretData(_sim.SecretData());
        using var bearer = MetalApiClient.FromSecretData(_sim.SecretData(bearer: true));

        var v = await hmac.GetVersionAsync().WaitAsync(Bound);
        var sizes = await bearer.ListSizesAsync().WaitAsync(Bound);

        Assert.Equal("metal-api", v.Name);
        Assert.Contains(sizes, s => s.Id == "c1-large-x86");
    }

    [Fact]
    public async Task NetworkAndIp_AllocateTagFindFree_RoundTrips()
    {
        using var client = Client();

        var net = await client.AllocateNetworkAsync(new NetworkAllocateRequest { PartitionId = Partition, ProjectId = Project, Labels = new Dictionary<string, string> { ["cluster.metal-stack.io/id"] = "c2" } }).WaitAsync(Bound);
        var ip = await client.AllocateIPAsync(new IPAllocateRequest { NetworkId = "internet", ProjectId = Project, Type = IPTypes.Static }).WaitAsync(Bound);
        await client.UpdateIPAsync(new IPUpdateRequest { IpAddress = ip.IpAddress, Type = IPTypes.Static, Tags = ["egress=c2"] }).WaitAsync(Bound);
        var tagged = await client.FindIPsAsync(new IPFindRequest { Tags = ["egress=c2"] }).WaitAsync(Bound);
        var byLabel = await client.FindNetworksAsync(new NetworkFindRequest { Labels = new Dictionary<string, string> { ["cluster.metal-stack.io/id"] = "c2" } }).WaitAsync(Bound);
        await client.FreeIPAsync(ip.IpAddress).WaitAsync(Bound);
        await client.FreeNetworkAsync(net.Id).WaitAsync(Bound);
        var gone = await Assert.ThrowsAsync<MetalApiException>(() => client.GetNetworkAsync(net.Id)).WaitAsync(Bound);

        Assert.Equal("tenant-super-network-sim-fra-equ01", net.ParentNetworkId);
        Assert.Equal(ip.IpAddress, Assert.Single(tagged).IpAddress);
        Assert.Equal(net.Id, Assert.Single(byLabel).Id);
        Assert.True(gone.IsNotFound);
    }

    [Fact]
    public async Task Catalog_ImagesPartitionsProjectsHealth_AreReadable()
    {
        using var client = Client();

        var fw = await client.FindImagesAsync(new ImageFindRequest { Features = ["firewall"] }).WaitAsync(Bound);
        var image = await client.GetImageAsync("ubuntu-24.04").WaitAsync(Bound);
        var partition = await client.GetPartitionAsync(Partition).WaitAsync(Bound);
        var partitions = await client.ListPartitionsAsync().WaitAsync(Bound);
        var size = await client.GetSizeAsync("c1-medium-x86").WaitAsync(Bound);
        var project = await client.GetProjectAsync(Project).WaitAsync(Bound);
        var projects = await client.FindProjectsAsync(new ProjectFindRequest { Name = "gardener-sim" }).WaitAsync(Bound);
        var health = await client.GetHealthAsync().WaitAsync(Bound);

        Assert.Equal("firewall-ubuntu-3.0", Assert.Single(fw).Id);
        Assert.Equal("ubuntu-24.04", image.Id);
        Assert.Equal(Partition, partition.Id);
        Assert.Single(partitions);
        Assert.Equal("c1-medium-x86", size.Id);
        Assert.Equal(Project, project.Meta?.Id);
        Assert.Single(projects);
        Assert.Equal("healthy", health.Status);
    }

    [Fact]
    public async Task GetMachine_Injected503Twice_RetriesAndSucceeds()
    {
        using var client = Client();
        var id = _sim.Machines()[0].Id;
        _sim.Faults.Set("findMachine", new FaultRule { FailNext = 2, ErrorStatusCode = 503 });

        var m = await client.GetMachineAsync(id).WaitAsync(Bound);

        Assert.Equal(id, m.Id);
        Assert.Equal(3, _sim.RequestCount("findMachine"));
    }

    [Fact]
    public async Task FindMachines_Persistent503_GivesUpAfterMaxRetriesWithTransientError()
    {
        using var client = Client(maxRetries: 2);
        _sim.Faults.Set("findMachines", new FaultRule { ErrorRate = 1, ErrorStatusCode = 503 });

        var ex = await Assert.ThrowsAsync<MetalApiException>(() => client.FindMachinesAsync(new MachineFindRequest())).WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.True(ex.IsTransient);
        Assert.Equal(3, _sim.RequestCount("findMachines"));
    }

    [Fact]
    public async Task GetMachine_NotFound_NoRetryAndTypedError()
    {
        using var client = Client();

        var ex = await Assert.ThrowsAsync<MetalApiException>(() => client.GetMachineAsync("does-not-exist")).WaitAsync(Bound);

        Assert.True(ex.IsNotFound);
        Assert.Contains("no machine with id", ex.MetalMessage, StringComparison.Ordinal);
        Assert.Equal(1, _sim.RequestCount("findMachine"));
    }

    [Fact]
    public async Task GetMachine_Injected429ThenOk_Retries()
    {
        using var client = Client();
        var id = _sim.Machines()[0].Id;
        _sim.Faults.Set("findMachine", new FaultRule { FailNext = 1, ErrorStatusCode = 429 });

        await client.GetMachineAsync(id).WaitAsync(Bound);

        Assert.Equal(2, _sim.RequestCount("findMachine"));
    }

    [Fact]
    public async Task GetMachine_Injected409_NoRetry()
    {
        using var client = Client();
        _sim.Faults.Set("findMachine", new FaultRule { FailNext = 1, ErrorStatusCode = 409 });

        var ex = await Assert.ThrowsAsync<MetalApiException>(() => client.GetMachineAsync(_sim.Machines()[0].Id)).WaitAsync(Bound);

        Assert.True(ex.IsConflict);
        Assert.Equal(1, _sim.RequestCount("findMachine"));
    }

    [Fact]
    public async Task AllocateMachine_Injected503_NeverRetriedBecauseUnsafe()
    {
        using var client = Client();
        _sim.Faults.Set("allocateMachine", new FaultRule { FailNext = 1, ErrorStatusCode = 503 });

        var ex = await Assert.ThrowsAsync<MetalApiException>(() => client.AllocateMachineAsync(Allocation())).WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(1, _sim.RequestCount("allocateMachine"));
        Assert.Empty(_sim.AllocatedMachines());
    }

    [Fact]
    public async Task AllocateMachine_InjectedExhaustion_IsExhausted()
    {
        using var client = Client();
        _sim.Faults.Set("allocateMachine", new FaultRule { Exhausted = true });

        var ex = await Assert.ThrowsAsync<MetalApiException>(() => client.AllocateMachineAsync(Allocation())).WaitAsync(Bound);

        Assert.True(ex.IsExhausted);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, ex.StatusCode);
        Assert.Equal("no machine available", ex.MetalMessage);
    }

    [Fact]
    public async Task GetMachine_CallerCancels_OperationCanceledPromptly()
    {
        using var client = Client();
        _sim.Faults.Set("findMachine", new FaultRule { Timeout = true, TimeoutDuration = TimeSpan.FromSeconds(60) });
        using var cts = new CancellationTokenSource();

        // Cancel only once the request hangs in the simulator: a fixed delay races connection set-up on a slow machine.
        var call = client.GetMachineAsync(_sim.Machines()[0].Id, cts.Token);
        var deadline = DateTime.UtcNow + Bound;
        while (_sim.RequestCount("findMachine") == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the request never reached the simulator");
            await Task.Delay(10, TestContext.Current.CancellationToken).WaitAsync(Bound);
        }

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, _sim.RequestCount("findMachine"));
    }

    [Fact]
    public async Task GetMachine_AttemptTimeout_RetriedThenTimeoutError()
    {
        // 1 s per attempt: the retry opens a new connection (the timed-out one is dropped) and must still reach the simulator.
        using var client = Client(maxRetries: 1, timeout: TimeSpan.FromSeconds(1));
        await client.GetVersionAsync().WaitAsync(Bound);
        _sim.Faults.Set("findMachine", new FaultRule { Timeout = true, TimeoutDuration = TimeSpan.FromSeconds(60) });

        var ex = await Assert.ThrowsAsync<MetalApiException>(() => client.GetMachineAsync(_sim.Machines()[0].Id)).WaitAsync(Bound);

        Assert.Equal(MetalApiFailureKind.Timeout, ex.Kind);
        Assert.True(ex.IsTransient);
        Assert.Equal(2, _sim.RequestCount("findMachine"));
    }

    [Fact]
    public async Task Unreachable_TransportError_TypedAfterRetries()
    {
        var port = _sim.BaseAddress.Port;
        await _sim.DisposeAsync();
        _sim = await MetalApiSimulator.StartAsync(new MetalSimOptions()).WaitAsync(Bound);
        using var client = new MetalApiClient(new MetalApiClientOptions
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            Credentials = MetalApiCredentials.Bearer("x"),
            MaxRetries = 1,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        });

        var ex = await Assert.ThrowsAsync<MetalApiException>(() => client.GetVersionAsync()).WaitAsync(Bound);

        Assert.Equal(MetalApiFailureKind.Transport, ex.Kind);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task Failures_UserDataAndKeys_NeverInMessagesOrLogs()
    {
        var logger = new CapturingLogger();
        using var client = Client(logger: logger);
        const string userData = "I2Nsb3VkLWNvbmZpZwpTRUNSRVQtVVNFUkRBVEE=";
        _sim.Faults.Set("findMachines", new FaultRule { FailNext = 1, ErrorStatusCode = 500 });

        var ex = await Assert.ThrowsAsync<MetalApiException>(() => client.AllocateMachineAsync(Allocation(userData, image: "no-such-image"))).WaitAsync(Bound);
        await client.FindMachinesAsync(new MachineFindRequest()).WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        var all = ex.ToString() + string.Join("\n", logger.Lines);
        Assert.NotEmpty(logger.Lines);
        Assert.DoesNotContain(userData, all, StringComparison.Ordinal);
        Assert.DoesNotContain(_sim.AdminHmacKey, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ViewKey_Allocate_Forbidden()
    {
        using var client = new MetalApiClient(_sim.ClientOptions(MetalApiAuthTypes.View));

        var ex = await Assert.ThrowsAsync<MetalApiException>(() => client.AllocateMachineAsync(Allocation())).WaitAsync(Bound);
        var ok = await client.ListPartitionsAsync().WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.True(ex.IsUnauthenticated);
        Assert.NotEmpty(ok);
    }
}
