using System.Text;
using System.Text.Json.Nodes;
using GardenerMetal.Mcm.Driver;
using GardenerMetal.Mcm.Driver.V1;
using GardenerMetal.Mcm.Metal;
using GardenerMetal.Mcm.Transport;
using GardenerMetal.MetalApi;
using GardenerMetal.MetalApi.V1;
using GardenerMetal.MetalSim;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging.Abstractions;
using static GardenerMetal.Mcm.Driver.V1.Driver;

namespace GardenerMetal.Mcm.Tests;

/// <summary>
/// The metal driver served by the transport on a unix socket, in front of an in-process metal-api
/// simulator, with a node network allocated for one project; calls go through <see cref="DriverClient"/>.
/// </summary>
internal sealed class DriverHarness : IAsyncDisposable
{
    public const string Partition = "sim-fra-equ01";
    public const string Size = "c1-medium-x86";
    public const string Image = "ubuntu-24.04";
    public const string Project = "7a3e9c1e-5d2f-4f0b-9a61-2c8e4b6d1f00";
    public const int MachinesOfSize = 6;

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly CachingMetalApiClientFactory _factory;
    private readonly DriverGrpcServer _server;
    private readonly GrpcChannel _channel;
    private readonly List<IAsyncDisposable> _peers = [];

    private DriverHarness(MetalApiSimulator sim, MetalApiClient admin, CachingMetalApiClientFactory factory, DriverGrpcServer server, GrpcChannel channel, string network)
    {
        Sim = sim;
        Admin = admin;
        _factory = factory;
        _server = server;
        _channel = channel;
        Client = new DriverClient(channel);
        Network = network;
    }

    public MetalApiSimulator Sim { get; }

    public MetalApiClient Admin { get; }

    public DriverClient Client { get; }

    public string Network { get; }

    /// <param name="metalApiTimeout">The driver's per-call metal-api timeout; short only for the timeout test, so a cold first call never trips it.</param>
    public static async Task<DriverHarness> StartAsync(TimeSpan? metalApiTimeout = null)
    {
        var sim = await MetalApiSimulator.StartAsync(new MetalSimOptions { ProvisioningStepDuration = TimeSpan.Zero }).WaitAsync(Bound);
        var admin = sim.CreateClient();
        var network = await admin.AllocateNetworkAsync(new NetworkAllocateRequest { PartitionId = Partition, ProjectId = Project, Name = "node-network" }).WaitAsync(Bound);

        // One retry with a short delay so fault tests stay short.
        var factory = new CachingMetalApiClientFactory(o => o with { Timeout = metalApiTimeout ?? TimeSpan.FromSeconds(10), MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(10) });
        var driver = new MetalMachineDriver(factory, NullLogger<MetalMachineDriver>.Instance);
        var socket = Path.Combine(Path.GetTempPath(), $"gm-mcm-{Guid.NewGuid():N}"[..18] + ".sock");
        var server = await DriverGrpcServer.StartAsync(GrpcEndpointAddress.ForUnixSocket(socket), driver).WaitAsync(Bound);
        var channel = DriverChannel.Create(server.Address);
        return new DriverHarness(sim, admin, factory, server, channel, network.Id);
    }

    /// <summary>
    /// Another driver process against the same simulator: its own driver instance (so its own per-name lock and caches),
    /// metal-api client, server and channel, as a second replica or a restarted sidecar would have.
    /// </summary>
    public async Task<DriverClient> StartPeerDriverAsync()
    {
        var factory = new CachingMetalApiClientFactory(o => o with { Timeout = TimeSpan.FromSeconds(10), MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(10) });
        var driver = new MetalMachineDriver(factory, NullLogger<MetalMachineDriver>.Instance);
        var socket = Path.Combine(Path.GetTempPath(), $"gm-mcm-{Guid.NewGuid():N}"[..18] + ".sock");
        var server = await DriverGrpcServer.StartAsync(GrpcEndpointAddress.ForUnixSocket(socket), driver).WaitAsync(Bound);
        var channel = DriverChannel.Create(server.Address);
        _peers.Add(server);
        _peers.Add(new Disposer(() =>
        {
            channel.Dispose();
            factory.Dispose();
        }));
        return new DriverClient(channel);
    }

    /// <summary>A providerSpec for a cluster; <paramref name="edit"/> may change it.</summary>
    public byte[] Spec(string clusterId, Action<JsonObject>? edit = null)
    {
        var spec = new JsonObject
        {
            ["partition"] = Partition,
            ["size"] = Size,
            ["image"] = Image,
            ["project"] = Project,
            ["network"] = Network,
            ["tags"] = new JsonArray($"{MetalTags.ClusterId}={clusterId}", "kubernetes.io/role=node"),
            ["sshKeys"] = new JsonArray("ssh-ed25519 AAAA test"),
            ["dnsServers"] = new JsonArray(new JsonObject { ["ip"] = "1.1.1.1" }),
            ["ntpServers"] = new JsonArray(new JsonObject { ["address"] = "pool.ntp.org" }),
        };
        edit?.Invoke(spec);
        return Encoding.UTF8.GetBytes(spec.ToJsonString());
    }

    /// <summary>The merged MachineClass secret: user data plus HMAC credentials of the simulator.</summary>
    public Dictionary<string, ByteString> Secret(string userData = "#cloud-config\nhostname: <<MACHINE_NAME>>\n")
    {
        var secret = Sim.SecretData().ToDictionary(kv => kv.Key, kv => ByteString.CopyFrom(kv.Value));
        secret[MetalMachineDriver.UserDataKey] = ByteString.CopyFromUtf8(userData);
        return secret;
    }

    public CreateMachineRequest Create(string name, string clusterId, Dictionary<string, ByteString>? secret = null)
    {
        var request = new CreateMachineRequest { MachineName = name, ProviderSpec = ByteString.CopyFrom(Spec(clusterId)) };
        request.Secret.Add(secret ?? Secret());
        return request;
    }

    public GetMachineStatusRequest Status(string name, string providerId, string clusterId)
    {
        var request = new GetMachineStatusRequest { MachineName = name, ProviderId = providerId, ProviderSpec = ByteString.CopyFrom(Spec(clusterId)) };
        request.Secret.Add(Secret());
        return request;
    }

    public DeleteMachineRequest Delete(string name, string providerId, string clusterId)
    {
        var request = new DeleteMachineRequest { MachineName = name, ProviderId = providerId, ProviderSpec = ByteString.CopyFrom(Spec(clusterId)) };
        request.Secret.Add(Secret());
        return request;
    }

    public ListMachinesRequest List(string clusterId)
    {
        var request = new ListMachinesRequest { ProviderSpec = ByteString.CopyFrom(Spec(clusterId)) };
        request.Secret.Add(Secret());
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var peer in Enumerable.Reverse(_peers))
        {
            await peer.DisposeAsync();
        }

        _channel.Dispose();
        await _server.DisposeAsync();
        _factory.Dispose();
        Admin.Dispose();
        await Sim.DisposeAsync();
    }

    private sealed class Disposer(Action dispose) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            dispose();
            return ValueTask.CompletedTask;
        }
    }
}
