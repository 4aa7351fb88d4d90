using System.Text;
using GardenerMetal.Mcm.Driver.V1;
using GardenerMetal.Mcm.Metal;
using GardenerMetal.Mcm.Transport;
using GardenerMetal.MetalApi;
using GardenerMetal.MetalApi.V1;
using GardenerMetal.MetalSim;
using Google.Protobuf;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging.Abstractions;
using static GardenerMetal.Mcm.Driver.V1.Driver;

namespace GardenerMetal.Grpc.Benchmarks;

/// <summary>The metal driver served on a unix socket against the in-process simulator, with one allocated machine.</summary>
internal sealed class MetalDriverScenario : IAsyncDisposable
{
    private readonly MetalApiSimulator _sim;
    private readonly MetalApiClient _admin;
    private readonly CachingMetalApiClientFactory _factory;
    private readonly DriverGrpcServer _server;
    private readonly GrpcChannel _channel;
    private readonly DriverClient _client;
    private readonly GetMachineStatusRequest _status;
    private readonly string _uuid;

    private MetalDriverScenario(MetalApiSimulator sim, MetalApiClient admin, CachingMetalApiClientFactory factory, DriverGrpcServer server, GrpcChannel channel, DriverClient client, GetMachineStatusRequest status, string uuid)
    {
        _sim = sim;
        _admin = admin;
        _factory = factory;
        _server = server;
        _channel = channel;
        _client = client;
        _status = status;
        _uuid = uuid;
    }

    public static async Task<MetalDriverScenario> StartAsync(string socketPath)
    {
        var sim = await MetalApiSimulator.StartAsync(new MetalSimOptions { ProvisioningStepDuration = TimeSpan.Zero });
        var admin = sim.CreateClient();
        const string partition = "sim-fra-equ01";
        const string project = "7a3e9c1e-5d2f-4f0b-9a61-2c8e4b6d1f00";
        var network = await admin.AllocateNetworkAsync(new NetworkAllocateRequest { PartitionId = partition, ProjectId = project, Name = "bench" });
        var spec = ByteString.CopyFrom(Encoding.UTF8.GetBytes(
            $$"""{"partition":"{{partition}}","size":"c1-medium-x86","image":"ubuntu-24.04","project":"{{project}}","network":"{{network.Id}}","tags":["cluster.metal-stack.io/id=bench"]}"""));

        var factory = new CachingMetalApiClientFactory();
        var driver = new MetalMachineDriver(factory, NullLogger<MetalMachineDriver>.Instance);
        var server = await DriverGrpcServer.StartAsync(GrpcEndpointAddress.ForUnixSocket(socketPath), driver);
        var channel = DriverChannel.Create(server.Address);
        var client = new DriverClient(channel);

        var create = new CreateMachineRequest { MachineName = "bench-1", ProviderSpec = spec };
        foreach (var (key, value) in sim.SecretData())
        {
            create.Secret[key] = ByteString.CopyFrom(value);
        }

        create.Secret[MetalMachineDriver.UserDataKey] = ByteString.CopyFromUtf8("#cloud-config\n");
        var created = await client.CreateMachineAsync(create, deadline: DateTime.UtcNow.AddSeconds(30));
        var status = new GetMachineStatusRequest { MachineName = "bench-1", ProviderId = created.ProviderId, ProviderSpec = spec };
        status.Secret.Add(create.Secret);
        var uuid = created.ProviderId[(created.ProviderId.LastIndexOf('/') + 1)..];
        return new MetalDriverScenario(sim, admin, factory, server, channel, client, status, uuid);
    }

    /// <summary>GetMachineStatus through the transport and the metal driver.</summary>
    public Task GetMachineStatusAsync() => _client.GetMachineStatusAsync(_status, deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync;

    /// <summary>Reference: the metal-api client calling the simulator directly (no driver, no gRPC).</summary>
    public Task GetMachineDirectAsync() => _admin.GetMachineAsync(_uuid);

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _server.DisposeAsync();
        _factory.Dispose();
        _admin.Dispose();
        await _sim.DisposeAsync();
    }
}
