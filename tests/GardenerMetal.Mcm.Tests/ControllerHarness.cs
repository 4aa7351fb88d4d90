using System.Text;
using System.Text.Json;
using GardenerMetal.KubeEmulator;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.Kubernetes.Models;
using GardenerMetal.Mcm.Controller;
using GardenerMetal.Mcm.Controller.Models;
using GardenerMetal.Mcm.Driver;
using GardenerMetal.Mcm.Metal;
using GardenerMetal.Mcm.Transport;
using GardenerMetal.MetalApi;
using GardenerMetal.MetalApi.V1;
using GardenerMetal.MetalSim;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging.Abstractions;
using static GardenerMetal.Mcm.Driver.V1.Driver;

namespace GardenerMetal.Mcm.Tests;

/// <summary>
/// The whole path in-process: Kubernetes API emulator (MCM CRDs from ../shared/reference), the machine controller,
/// the metal driver on a unix socket, and the metal-api simulator with <see cref="Capacity"/> machines of the size.
/// </summary>
internal sealed class ControllerHarness : IAsyncDisposable
{
    public const string Namespace = "shoot--dev--local";
    public const string ClassName = "pool-a";
    public const string ClusterId = "9b0c4c8e-shoot-uid";
    public const int Capacity = 24;

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly string _dir;
    private readonly CachingMetalApiClientFactory _factory;
    private readonly DriverGrpcServer _driverServer;
    private readonly GrpcChannel _channel;
    private CancellationTokenSource? _run;
    private bool _kubeStopped;
    private Task? _running;

    private ControllerHarness(string dir, KubeEmulatorServer kube, KubernetesClient client, MetalApiSimulator sim, MetalApiClient admin, CachingMetalApiClientFactory factory, DriverGrpcServer driverServer, GrpcChannel channel, string network)
    {
        _dir = dir;
        Kube = kube;
        Client = client;
        Sim = sim;
        Admin = admin;
        _factory = factory;
        _driverServer = driverServer;
        _channel = channel;
        Driver = new DriverClient(channel);
        Network = network;
        Machines = client.Resource(McmResources.Machines, McmJsonContext.Default.Machine);
    }

    public KubeEmulatorServer Kube { get; }

    public KubernetesClient Client { get; }

    public MetalApiSimulator Sim { get; }

    public MetalApiClient Admin { get; }

    public DriverClient Driver { get; }

    public string Network { get; }

    public ResourceClient<Machine> Machines { get; }

    public MachineController Controller { get; private set; } = null!;

    /// <summary>The emulator's kubeconfig.</summary>
    public string KubeconfigPath => Path.Combine(_dir, "kubeconfig");

    /// <summary>A fresh unix socket path in the harness folder.</summary>
    public string NewSocketPath() => Path.Combine(_dir, $"s{Guid.NewGuid():N}"[..9] + ".sock");

    /// <summary>Controller settings with test-sized periods.</summary>
    public static MachineControllerOptions TestOptions => new()
    {
        Namespace = Namespace,
        ShortRetry = TimeSpan.FromMilliseconds(200),
        MediumRetry = TimeSpan.FromSeconds(1),
        LongRetry = TimeSpan.FromSeconds(1),
        StatusCheckPeriod = TimeSpan.FromSeconds(1),
        GoneGracePeriod = TimeSpan.FromSeconds(2),
        GoneConfirmations = 3,
        OrphanSweepPeriod = TimeSpan.FromHours(1),
        DriverCallTimeout = TimeSpan.FromSeconds(20),
    };

    public const string ClusterTag = MetalTags.ClusterId + "=" + ClusterId;

    public static async Task<ControllerHarness> StartAsync()
    {
        var dir = Directory.CreateTempSubdirectory("gm-mc-").FullName;
        var kube = await KubeEmulatorServer.StartAsync(new KubeEmulatorOptions()).WaitAsync(Bound);
        var client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfigFile(kube.WriteKubeconfig(Path.Combine(dir, "kubeconfig"))));
        await kube.ApplyFileAsync(Path.Combine(RepoPaths.McmCrds, "machine.sapcloud.io_machineclasses.yaml")).WaitAsync(Bound);
        await kube.ApplyFileAsync(Path.Combine(RepoPaths.McmCrds, "machine.sapcloud.io_machines.yaml")).WaitAsync(Bound);

        var inventory = (await File.ReadAllTextAsync(RepoPaths.DefaultInventory).WaitAsync(Bound))
            .Replace("size: c1-medium-x86\n    count: 6", $"size: c1-medium-x86\n    count: {Capacity}", StringComparison.Ordinal);
        var sim = await MetalApiSimulator.StartAsync(new MetalSimOptions { InventoryYaml = inventory, ProvisioningStepDuration = TimeSpan.Zero }).WaitAsync(Bound);
        var admin = sim.CreateClient();
        var network = await admin.AllocateNetworkAsync(new NetworkAllocateRequest { PartitionId = DriverHarness.Partition, ProjectId = DriverHarness.Project, Name = "nodes" }).WaitAsync(Bound);

        var factory = new CachingMetalApiClientFactory(o => o with { Timeout = TimeSpan.FromSeconds(5), MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(10) });
        var driver = new MetalMachineDriver(factory, NullLogger<MetalMachineDriver>.Instance);
        var driverServer = await DriverGrpcServer.StartAsync(GrpcEndpointAddress.ForUnixSocket(Path.Combine(dir, "driver.sock")), driver).WaitAsync(Bound);
        var channel = DriverChannel.Create(driverServer.Address);
        var harness = new ControllerHarness(dir, kube, client, sim, admin, factory, driverServer, channel, network.Id);
        await harness.SeedAsync().WaitAsync(Bound);
        return harness;
    }

    /// <summary>The providerSpec JSON of the MachineClass.</summary>
    public string ProviderSpecJson => $$"""
        {"partition":"{{DriverHarness.Partition}}","size":"{{DriverHarness.Size}}","image":"{{DriverHarness.Image}}","project":"{{DriverHarness.Project}}","network":"{{Network}}",
         "tags":["{{ClusterTag}}","kubernetes.io/role=node"],"sshKeys":["ssh-ed25519 AAAA test"]}
        """;

    public void StartController()
    {
        Controller = new MachineController(Client, Driver, TestOptions, NullLogger<MachineController>.Instance);
        _run = new CancellationTokenSource();
        _running = Controller.RunAsync(_run.Token);
    }

    public async Task StopControllerAsync()
    {
        if (_run is not null)
        {
            await _run.CancelAsync();
            await _running!.WaitAsync(Bound);
            Controller.Dispose();
            _run.Dispose();
            _run = null;
        }
    }

    public Task<Machine> CreateMachineAsync(string name) =>
        Machines.CreateAsync(new Machine
        {
            Metadata = new ObjectMeta { Name = name, Namespace = Namespace },
            Spec = new MachineSpec { Class = new MachineClassReference { Kind = "MachineClass", Name = ClassName } },
        });

    /// <summary>The merged secret as the driver gets it (for creating VMs behind the controller's back).</summary>
    public Dictionary<string, Google.Protobuf.ByteString> DriverSecret()
    {
        var secret = Sim.SecretData().ToDictionary(kv => kv.Key, kv => Google.Protobuf.ByteString.CopyFrom(kv.Value));
        secret["userData"] = Google.Protobuf.ByteString.CopyFromUtf8("#cloud-config\n");
        return secret;
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails with <paramref name="what"/> after the bound.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Bound);
        while (!await condition().WaitAsync(Bound))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out waiting for: {what}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Takes the seed API away (the emulator stops).</summary>
    public async Task StopKubeAsync()
    {
        if (!_kubeStopped)
        {
            _kubeStopped = true;
            await Kube.DisposeAsync();
        }
    }

    public async Task<IReadOnlyList<Machine>> ListMachinesAsync() => (await Machines.ListAsync(Namespace).WaitAsync(Bound)).Items;

    public async ValueTask DisposeAsync()
    {
        await StopControllerAsync();
        _channel.Dispose();
        await _driverServer.DisposeAsync();
        _factory.Dispose();
        Admin.Dispose();
        await Sim.DisposeAsync();
        Client.Dispose();
        await StopKubeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task SeedAsync()
    {
        await Client.Namespaces.CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = Namespace } });
        var data = Sim.SecretData();
        data["userData"] = Encoding.UTF8.GetBytes("#cloud-config\nbootstrap-token: <<BOOTSTRAP_TOKEN>>\nname: <<MACHINE_NAME>>\n");
        await Client.Secrets.CreateAsync(new Secret { Metadata = new ObjectMeta { Name = "pool-a-secret", Namespace = Namespace }, Data = data });
        using var spec = JsonDocument.Parse(ProviderSpecJson);
        var classes = Client.Resource(McmResources.MachineClasses, McmJsonContext.Default.MachineClass);
        await classes.CreateAsync(new MachineClass
        {
            Metadata = new ObjectMeta { Name = ClassName, Namespace = Namespace },
            ProviderSpec = spec.RootElement.Clone(),
            SecretRef = new SecretReference { Name = "pool-a-secret", Namespace = Namespace },
            CredentialsSecretRef = new SecretReference { Name = "pool-a-secret", Namespace = Namespace },
            Provider = "metal",
        });
    }
}
