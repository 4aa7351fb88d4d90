using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Reconciliation;
using GardenerMetal.KubeEmulator;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.MetalApi;
using GardenerMetal.MetalSim;
using GardenerMetal.Provider.Controllers.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace GardenerMetal.Provider.IntegrationTests.Support;

/// <summary>
/// One local seed for Infrastructure tests: the Kubernetes API emulator (with the upstream Cluster and Infrastructure
/// CRDs), the metal-api simulator, a client, and helpers to create shoots and drive the real ExtensionReconciler.
/// </summary>
internal sealed class InfrastructureTestBed : IAsyncDisposable
{
    public const string ProjectId = "7a3e9c1e-5d2f-4f0b-9a61-2c8e4b6d1f00";
    public const string PartitionId = "sim-fra-equ01";
    public const string FirewallSize = "n1-medium-x86";
    public const string ImageA = "firewall-ubuntu-3.0";
    public const string ImageB = "firewall-ubuntu-3.1";
    public const string ExternalNetwork = "internet";
    public const string Region = "local";

    private readonly string _kubeconfigDir;

    private InfrastructureTestBed(MetalApiSimulator sim, KubeEmulatorServer emulator, KubernetesClient kube, string kubeconfigDir)
    {
        Sim = sim;
        Emulator = emulator;
        Kube = kube;
        Store = new KubeExtensionStore(kube);
        _kubeconfigDir = kubeconfigDir;
    }

    public MetalApiSimulator Sim { get; }

    public KubeEmulatorServer Emulator { get; }

    public KubernetesClient Kube { get; }

    /// <summary>The kubeconfig of the emulator (for a whole provider-metal binary under test).</summary>
    public string KubeconfigPath => Path.Combine(_kubeconfigDir, "kubeconfig");

    public KubeExtensionStore Store { get; }

    public CachingMetalApiClientFactory Clients { get; } = new(o => o with { RetryBaseDelay = TimeSpan.FromMilliseconds(5), RetryMaxDelay = TimeSpan.FromMilliseconds(50) });

    public InfrastructureActuatorOptions ActuatorOptions { get; set; } = new()
    {
        FirewallPollInterval = TimeSpan.FromMilliseconds(40),
        NetworkInUseRetryInterval = TimeSpan.FromMilliseconds(40),
    };

    public static async Task<InfrastructureTestBed> StartAsync(int firewallMachines = 6, TimeSpan? provisioningStep = null, CancellationToken ct = default)
    {
        var sim = await MetalApiSimulator.StartAsync(new MetalSimOptions
        {
            InventoryYaml = Inventory(firewallMachines),
            ProvisioningStepDuration = provisioningStep ?? TimeSpan.FromMilliseconds(20),
        }, ct);
        var emulator = await KubeEmulatorServer.StartAsync(new KubeEmulatorOptions(), ct);
        await emulator.ApplyFileAsync(RepoPaths.Crd("extensions.gardener.cloud_clusters.yaml"), ct);
        await emulator.ApplyFileAsync(RepoPaths.Crd("extensions.gardener.cloud_infrastructures.yaml"), ct);
        var dir = Directory.CreateTempSubdirectory("infra-it-").FullName;
        var kubeconfig = emulator.WriteKubeconfig(Path.Combine(dir, "kubeconfig"));
        var kube = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfigFile(kubeconfig), NullLoggerFactory.Instance);
        return new InfrastructureTestBed(sim, emulator, kube, dir);
    }

    public InfrastructureActuator NewActuator(IMetalApiClientFactory? clients = null, InfrastructureActuatorOptions? options = null) =>
        new(new KubernetesSecretDataReader(Kube), clients ?? Clients, options ?? ActuatorOptions, NullLogger<InfrastructureActuator>.Instance);

    public ExtensionReconciler<Infrastructure> NewReconciler(InfrastructureActuator? actuator = null) =>
        new(Store, actuator ?? NewActuator(), new ExtensionReconcilerOptions { ExtensionTypes = ["metal"] }, NullLogger.Instance);

    /// <summary>Creates the namespace, credentials Secret, Cluster and Infrastructure of a shoot.</summary>
    public async Task<ShootRef> CreateShootAsync(
        string name,
        string image = ImageA,
        string? nodes = null,
        JsonArray? egressRules = null,
        string? hmacKey = null,
        string? uid = null,
        JsonObject? providerConfig = null,
        CancellationToken ct = default)
    {
        var shoot = new ShootRef("shoot--it--" + name, uid ?? Guid.NewGuid().ToString());
        await ApplyAsync(Secret(shoot, hmacKey ?? Sim.AdminHmacKey), ct);
        await ApplyAsync(Cluster(shoot, nodes), ct);
        await ApplyAsync(Infrastructure(shoot, providerConfig ?? ProviderConfig(image, egressRules), annotations: null, state: null), ct);
        return shoot;
    }

    /// <summary>Creates a shoot's objects in another namespace as Gardener does for a restore: same UID, state copied, restore annotation.</summary>
    public async Task<ShootRef> CreateRestoredShootAsync(string name, string uid, JsonNode state, CancellationToken ct = default)
    {
        var shoot = new ShootRef("shoot--it--" + name, uid);
        await ApplyAsync(Secret(shoot, Sim.AdminHmacKey), ct);
        await ApplyAsync(Cluster(shoot, nodes: null), ct);
        await ApplyAsync(Infrastructure(shoot, ProviderConfig(ImageA, null), new JsonObject { [GardenerConstants.OperationAnnotation] = GardenerConstants.OperationRestore }, state), ct);
        return shoot;
    }

    public static JsonObject ProviderConfig(string image, JsonArray? egressRules) => new()
    {
        ["apiVersion"] = "metal.provider.extensions.gardener.cloud/v1alpha1",
        ["kind"] = "InfrastructureConfig",
        ["projectID"] = ProjectId,
        ["partitionID"] = PartitionId,
        ["firewall"] = new JsonObject
        {
            ["size"] = FirewallSize,
            ["image"] = image,
            ["networks"] = new JsonArray(ExternalNetwork),
            ["rateLimits"] = new JsonArray(new JsonObject { ["networkID"] = ExternalNetwork, ["rateLimit"] = 100 }),
            ["egressRules"] = egressRules,
        },
    };

    public Task<Infrastructure> GetAsync(ShootRef shoot, CancellationToken ct = default) =>
        Store.Resources.GetAsync(shoot.Namespace, ShootRef.InfrastructureName, ct);

    public Task PatchProviderConfigAsync(ShootRef shoot, JsonObject providerConfig, CancellationToken ct = default) =>
        Store.Resources.PatchAsync(shoot.Namespace, ShootRef.InfrastructureName,
            KubernetesPatch.Merge(new JsonObject { ["spec"] = new JsonObject { ["providerConfig"] = providerConfig } }), ct);

    public Task AnnotateAsync(ShootRef shoot, string operation, CancellationToken ct = default) =>
        Store.Resources.PatchAsync(shoot.Namespace, ShootRef.InfrastructureName,
            KubernetesPatch.Merge(new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [GardenerConstants.OperationAnnotation] = operation } } }), ct);

    public Task DeleteAsync(ShootRef shoot, CancellationToken ct = default) =>
        Store.Resources.DeleteAsync(shoot.Namespace, ShootRef.InfrastructureName, cancellationToken: ct);

    /// <summary>
    /// Runs the reconciler like the work queue does: again after each explicit requeue, until the outcome asks for
    /// nothing more (done, skipped or an error, which is returned).
    /// </summary>
    public static async Task<ReconcileOutcome> DriveAsync(ExtensionReconciler<Infrastructure> reconciler, ResourceKey key, int maxRounds = 200, CancellationToken ct = default)
    {
        for (var round = 0; ; round++)
        {
            var outcome = await reconciler.ReconcileAsync(key, ct).WaitAsync(TimeSpan.FromSeconds(30), ct);
            if (outcome.Error is not null || outcome.RequeueAfter is not { } delay)
            {
                return outcome;
            }

            if (round >= maxRounds)
            {
                throw new InvalidOperationException($"{key} still pending after {maxRounds} rounds");
            }

            await Task.Delay(delay, ct).WaitAsync(TimeSpan.FromSeconds(30), ct);
        }
    }

    public MetalApiClient MetalClient() => Sim.CreateClient();

    public long Allocations => Sim.RequestCount("allocateNetwork") + Sim.RequestCount("allocateFirewall");

    private Task ApplyAsync(JsonObject obj, CancellationToken ct) => Emulator.ApplyYamlAsync(obj.ToJsonString(), ct);

    private static JsonObject Secret(ShootRef shoot, string hmacKey) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JsonObject { ["name"] = "cloudprovider", ["namespace"] = shoot.Namespace },
        ["type"] = "Opaque",
        ["data"] = new JsonObject
        {
            [MetalApiSecretKeys.Hmac] = Convert.ToBase64String(Encoding.UTF8.GetBytes(hmacKey)),
            [MetalApiSecretKeys.Url] = Convert.ToBase64String("https://ignored.invalid/"u8.ToArray()),
        },
    };

    private JsonObject Cluster(ShootRef shoot, string? nodes)
    {
        var networking = new JsonObject { ["type"] = "calico", ["pods"] = "10.240.0.0/13", ["services"] = "10.248.0.0/18" };
        if (nodes is not null)
        {
            networking["nodes"] = nodes;
        }

        return new JsonObject
        {
            ["apiVersion"] = "extensions.gardener.cloud/v1alpha1",
            ["kind"] = "Cluster",
            ["metadata"] = new JsonObject { ["name"] = shoot.Namespace },
            ["spec"] = new JsonObject
            {
                ["cloudProfile"] = new JsonObject
                {
                    ["apiVersion"] = "core.gardener.cloud/v1beta1",
                    ["kind"] = "CloudProfile",
                    ["metadata"] = new JsonObject { ["name"] = "metal" },
                    ["spec"] = new JsonObject
                    {
                        ["type"] = "metal",
                        ["regions"] = new JsonArray(new JsonObject { ["name"] = Region, ["zones"] = new JsonArray(new JsonObject { ["name"] = PartitionId }) }),
                        ["providerConfig"] = new JsonObject
                        {
                            ["apiVersion"] = "metal.provider.extensions.gardener.cloud/v1alpha1",
                            ["kind"] = "CloudProfileConfig",
                            ["metalControlPlanes"] = new JsonObject
                            {
                                ["sim"] = new JsonObject
                                {
                                    ["endpoint"] = Sim.BaseAddress.AbsoluteUri,
                                    ["firewallImages"] = new JsonArray(ImageA, ImageB),
                                    ["firewallControllerVersions"] = new JsonArray(new JsonObject
                                    {
                                        ["version"] = "v2.3.0",
                                        ["url"] = "https://example.invalid/firewall-controller",
                                        ["classification"] = "supported",
                                    }),
                                    ["partitions"] = new JsonObject
                                    {
                                        [PartitionId] = new JsonObject { ["firewallTypes"] = new JsonArray(FirewallSize) },
                                    },
                                },
                            },
                        },
                    },
                },
                ["seed"] = new JsonObject { ["apiVersion"] = "core.gardener.cloud/v1beta1", ["kind"] = "Seed", ["metadata"] = new JsonObject { ["name"] = "local" } },
                ["shoot"] = new JsonObject
                {
                    ["apiVersion"] = "core.gardener.cloud/v1beta1",
                    ["kind"] = "Shoot",
                    ["metadata"] = new JsonObject { ["name"] = shoot.Namespace, ["namespace"] = "garden-it", ["uid"] = shoot.Uid },
                    ["spec"] = new JsonObject
                    {
                        ["region"] = Region,
                        ["provider"] = new JsonObject { ["type"] = "metal" },
                        ["networking"] = networking,
                    },
                    ["status"] = new JsonObject { ["uid"] = shoot.Uid, ["technicalID"] = shoot.Namespace },
                },
            },
        };
    }

    private static JsonObject Infrastructure(ShootRef shoot, JsonObject providerConfig, JsonObject? annotations, JsonNode? state)
    {
        var obj = new JsonObject
        {
            ["apiVersion"] = "extensions.gardener.cloud/v1alpha1",
            ["kind"] = "Infrastructure",
            ["metadata"] = new JsonObject { ["name"] = ShootRef.InfrastructureName, ["namespace"] = shoot.Namespace, ["annotations"] = annotations },
            ["spec"] = new JsonObject
            {
                ["type"] = "metal",
                ["region"] = Region,
                ["secretRef"] = new JsonObject { ["name"] = "cloudprovider", ["namespace"] = shoot.Namespace },
                ["sshPublicKey"] = Convert.ToBase64String("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGardenerMetalTestKey it@test"u8.ToArray()),
                ["providerConfig"] = providerConfig.DeepClone(),
            },
        };
        if (state is not null)
        {
            obj["status"] = new JsonObject { ["state"] = state.DeepClone() };
        }

        return obj;
    }

    private static string Inventory(int firewallMachines) => string.Create(CultureInfo.InvariantCulture, $"""
        partitions:
          - id: {PartitionId}
            name: integration partition
        sizes:
          - id: c1-medium-x86
            name: c1-medium-x86
            cpuCores: 8
            memoryGiB: 32
            storageGiB: 480
          - id: {FirewallSize}
            name: {FirewallSize}
            cpuCores: 4
            memoryGiB: 16
            storageGiB: 240
        images:
          - id: ubuntu-24.04
            name: Ubuntu 24.04
            features: [machine]
          - id: {ImageA}
            name: Firewall 3.0
            features: [firewall]
          - id: {ImageB}
            name: Firewall 3.1
            features: [firewall]
        projects:
          - id: {ProjectId}
            name: integration
            tenant: it-tenant
        networks:
          - id: tenant-super-network-{PartitionId}
            name: private super network
            partition: {PartitionId}
            prefixes: [10.128.0.0/12]
            privateSuper: true
            childPrefixLength: 22
          - id: {ExternalNetwork}
            name: internet
            prefixes: [203.0.113.0/24]
            destinationPrefixes: [0.0.0.0/0]
            nat: true
            vrf: 104009
        machines:
          - partition: {PartitionId}
            size: c1-medium-x86
            count: 2
            racks: [rack-1]
          - partition: {PartitionId}
            size: {FirewallSize}
            count: {firewallMachines}
            racks: [rack-1, rack-2]
        """);

    public async ValueTask DisposeAsync()
    {
        Kube.Dispose();
        Clients.Dispose();
        await Emulator.DisposeAsync();
        await Sim.DisposeAsync();
        try
        {
            Directory.Delete(_kubeconfigDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
