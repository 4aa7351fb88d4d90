using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Kubernetes;
using GardenerMetal.Extensions.Reconciliation;
using GardenerMetal.KubeEmulator;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.MetalApi;
using GardenerMetal.MetalSim;
using GardenerMetal.Provider.Controllers.ControlPlane;
using Microsoft.Extensions.Logging.Abstractions;

namespace GardenerMetal.ControlPlane.Tests.Support;

/// <summary>
/// A local seed for ControlPlane tests, shared by a test class: the Kubernetes API emulator with the upstream Cluster,
/// ControlPlane, Infrastructure, DNSRecord and ManagedResource CRDs, the metal-api simulator with a labelled external
/// network, and helpers that create a shoot's objects in a namespace of its own and drive the real ExtensionReconciler
/// with the ControlPlaneActuator.
/// </summary>
public sealed class ControlPlaneTestBed : IAsyncLifetime
{
    public const string ControlPlaneName = "golden";
    public const string ShootName = "golden";
    public const string ProjectId = "8b2f6c1a-4d3e-4a5b-9c7d-0e1f2a3b4c5d";
    public const string PartitionId = "fra-equ01";
    public const string NetworkId = "0d9a1c4e-node-network";
    public const string ExternalNetwork = "internet";
    public const string OtherExternalNetwork = "internet-legacy";
    public const string MplsNetwork = "mpls";
    public const string NodesCidr = "10.128.4.0/22";
    public const string ApiServerIp = "203.0.113.10";
    public const string KubeconfigSecret = "generic-token-kubeconfig-92e9ae14";
    public const string SshKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIControlPlaneKey cp@test";

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private string? _dir;
    private int _shoots;

    public KubeEmulatorServer Emulator { get; private set; } = null!;

    public MetalApiSimulator Sim { get; private set; } = null!;

    public KubernetesClient Kube { get; private set; } = null!;

    public CachingMetalApiClientFactory Clients { get; } = new();

    public string KubeconfigPath { get; private set; } = "";

    public ResourceClient<JsonObject> ManagedResources => Kube.Resource(ControlPlaneResources.ManagedResources);

    public ResourceClient<JsonObject> ControlPlanes => Kube.Resource(ExtensionResources.ControlPlanes);

    public async ValueTask InitializeAsync()
    {
        Sim = await MetalApiSimulator.StartAsync(new MetalSimOptions { InventoryYaml = Inventory() }).WaitAsync(Bound);
        Emulator = await KubeEmulatorServer.StartAsync(new KubeEmulatorOptions()).WaitAsync(Bound);
        foreach (var crd in new[] { "clusters", "controlplanes", "infrastructures" })
        {
            await Emulator.ApplyFileAsync(RepoPaths.GardenerCrd($"extensions.gardener.cloud_{crd}.yaml")).WaitAsync(Bound);
        }

        await Emulator.ApplyFileAsync(RepoPaths.SeedCrd("extensions.gardener.cloud_dnsrecords.yaml")).WaitAsync(Bound);
        await Emulator.ApplyFileAsync(RepoPaths.SeedCrd("resources.gardener.cloud_managedresources.yaml")).WaitAsync(Bound);
        _dir = Directory.CreateTempSubdirectory("controlplane-tests-").FullName;
        KubeconfigPath = Emulator.WriteKubeconfig(Path.Combine(_dir, "kubeconfig"));
        Kube = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfigFile(KubeconfigPath), NullLoggerFactory.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        Kube.Dispose();
        Clients.Dispose();
        await Emulator.DisposeAsync();
        await Sim.DisposeAsync();
        if (_dir is not null)
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    public string NextNamespace() => "shoot--cp--s" + Interlocked.Increment(ref _shoots).ToString(CultureInfo.InvariantCulture);

    public ControlPlaneActuator NewActuator(IMetalApiClientFactory? clients = null, TimeProvider? time = null) =>
        new(Kube, clients ?? Clients, RenderCases.Images, new ControlPlaneActuatorOptions { PollInterval = TimeSpan.FromMilliseconds(20) }, NullLogger<ControlPlaneActuator>.Instance, time);

    public ExtensionReconciler<Extensions.Apis.ControlPlane> NewReconciler(ControlPlaneActuator? actuator = null) =>
        new(new KubernetesExtensionStore<Extensions.Apis.ControlPlane>(ExtensionResources.Client<Extensions.Apis.ControlPlane>(Kube), ExtensionResources.ClusterClient(Kube)),
            actuator ?? NewActuator(), new ExtensionReconcilerOptions { ExtensionTypes = ["metal"] }, NullLogger.Instance);

    /// <summary>Reconciles until the outcome asks for nothing more (done, skipped or an error), as the work queue does.</summary>
    public async Task<ReconcileOutcome> DriveAsync(string ns, ControlPlaneActuator? actuator = null, int maxRounds = 50, CancellationToken ct = default)
    {
        var reconciler = NewReconciler(actuator);
        for (var round = 0; ; round++)
        {
            var outcome = await reconciler.ReconcileAsync(new ResourceKey(ns, ControlPlaneName), ct).WaitAsync(Bound, ct);
            if (outcome.Error is not null || outcome.RequeueAfter is not { } delay || round >= maxRounds)
            {
                return outcome;
            }

            await Task.Delay(delay, ct).WaitAsync(Bound, ct);
        }
    }

    /// <summary>
    /// Creates a shoot's seed objects: credentials, generic kubeconfig and ssh-keypair Secrets, the Cluster, the
    /// Infrastructure (with status.nodesCIDR), the DNSRecord and the ControlPlane.
    /// </summary>
    public async Task CreateShootAsync(string ns, JsonObject? controlPlaneConfig = null, bool bearer = false, bool hibernated = false,
        string networkingType = "calico", bool dnsRecord = true, JsonArray? firewallNetworks = null)
    {
        var credentials = new JsonObject { ["metalAPIURL"] = B64("https://ignored.invalid/") };
        credentials[bearer ? "metalAPIKey" : "metalAPIHMac"] = B64(bearer ? Sim.BearerToken : Sim.AdminHmacKey);
        await ApplyAsync(Secret(ns, "cloudprovider", credentials));
        await ApplyAsync(Secret(ns, KubeconfigSecret, new JsonObject { ["kubeconfig"] = B64("apiVersion: v1\nkind: Config\n") }));
        var ssh = Secret(ns, "ssh-keypair-1a2b3c", new JsonObject { ["id_rsa.pub"] = B64(SshKey + "\n") });
        ssh["metadata"]!["labels"] = new JsonObject { ["name"] = "ssh-keypair", ["managed-by"] = "secrets-manager" };
        await ApplyAsync(ssh);
        await ApplyAsync(Cluster(ns, controlPlaneConfig, hibernated, networkingType, firewallNetworks ?? new JsonArray(ExternalNetwork, MplsNetwork)));
        await ApplyAsync(new JsonObject
        {
            ["apiVersion"] = "extensions.gardener.cloud/v1alpha1",
            ["kind"] = "Infrastructure",
            ["metadata"] = new JsonObject { ["name"] = ControlPlaneName, ["namespace"] = ns },
            ["spec"] = new JsonObject { ["type"] = "metal", ["region"] = "eu-central", ["secretRef"] = new JsonObject { ["name"] = "cloudprovider", ["namespace"] = ns } },
        });
        await Kube.Resource(ExtensionResources.Infrastructures).PatchStatusAsync(ns, ControlPlaneName, KubernetesPatch.Merge(new JsonObject
        {
            ["status"] = new JsonObject { ["nodesCIDR"] = NodesCidr, ["providerStatus"] = new JsonObject { ["networkID"] = NetworkId } },
        })).WaitAsync(Bound);
        if (dnsRecord)
        {
            await ApplyAsync(new JsonObject
            {
                ["apiVersion"] = "extensions.gardener.cloud/v1alpha1",
                ["kind"] = "DNSRecord",
                ["metadata"] = new JsonObject { ["name"] = ShootName + "-external", ["namespace"] = ns },
                ["spec"] = new JsonObject
                {
                    ["type"] = "local",
                    ["name"] = "api.golden.example.invalid",
                    ["recordType"] = "A",
                    ["values"] = new JsonArray(ApiServerIp),
                    ["secretRef"] = new JsonObject { ["name"] = "dns", ["namespace"] = ns },
                },
            });
        }

        await ApplyAsync(new JsonObject
        {
            ["apiVersion"] = "extensions.gardener.cloud/v1alpha1",
            ["kind"] = "ControlPlane",
            ["metadata"] = new JsonObject
            {
                ["name"] = ControlPlaneName,
                ["namespace"] = ns,
                ["annotations"] = new JsonObject { [GardenerConstants.OperationAnnotation] = GardenerConstants.OperationReconcile },
            },
            ["spec"] = new JsonObject
            {
                ["type"] = "metal",
                ["region"] = "eu-central",
                ["secretRef"] = new JsonObject { ["name"] = "cloudprovider", ["namespace"] = ns },
                ["infrastructureProviderStatus"] = new JsonObject
                {
                    ["apiVersion"] = "metal.provider.extensions.gardener.cloud/v1alpha1",
                    ["kind"] = "InfrastructureStatus",
                    ["firewall"] = new JsonObject(),
                    ["networkID"] = NetworkId,
                },
            },
        });
    }

    /// <summary>Sets the operation annotation (reconcile, migrate, restore) so the next reconcile runs that operation.</summary>
    public Task AnnotateAsync(string ns, string operation) =>
        ControlPlanes.PatchAsync(ns, ControlPlaneName, KubernetesPatch.Merge(new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [GardenerConstants.OperationAnnotation] = operation } },
        })).WaitAsync(Bound);

    /// <summary>Read-modify-replace of the Cluster's embedded shoot.</summary>
    public async Task UpdateShootAsync(string ns, Action<JsonObject> mutate)
    {
        var clusters = Kube.Resource(ExtensionResources.Clusters);
        var cluster = await clusters.GetAsync(null, ns).WaitAsync(Bound);
        mutate((JsonObject)cluster["spec"]!["shoot"]!);
        await clusters.ReplaceAsync(cluster).WaitAsync(Bound);
    }

    public Task<Extensions.Apis.ControlPlane> GetControlPlaneAsync(string ns) =>
        ExtensionResources.Client<Extensions.Apis.ControlPlane>(Kube).GetAsync(ns, ControlPlaneName).WaitAsync(Bound);

    public Task ApplyAsync(JsonObject obj) => Emulator.ApplyYamlAsync(obj.ToJsonString()).WaitAsync(Bound);

    public static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static JsonObject Secret(string ns, string name, JsonObject data) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["type"] = "Opaque",
        ["data"] = data,
    };

    private JsonObject Cluster(string ns, JsonObject? controlPlaneConfig, bool hibernated, string networkingType, JsonArray firewallNetworks)
    {
        var shootSpec = new JsonObject
        {
            ["region"] = "eu-central",
            ["provider"] = new JsonObject
            {
                ["type"] = "metal",
                ["infrastructureConfig"] = new JsonObject
                {
                    ["apiVersion"] = "metal.provider.extensions.gardener.cloud/v1alpha1",
                    ["kind"] = "InfrastructureConfig",
                    ["partitionID"] = PartitionId,
                    ["projectID"] = ProjectId,
                    ["firewall"] = new JsonObject { ["size"] = "c1-large-x86", ["image"] = "firewall-ubuntu-3.0", ["networks"] = firewallNetworks },
                },
            },
            ["networking"] = new JsonObject { ["type"] = networkingType, ["nodes"] = NodesCidr, ["pods"] = "10.240.0.0/13", ["services"] = "10.248.0.0/18" },
        };
        if (controlPlaneConfig is not null)
        {
            shootSpec["provider"]!["controlPlaneConfig"] = controlPlaneConfig;
        }

        if (hibernated)
        {
            shootSpec["hibernation"] = new JsonObject { ["enabled"] = true };
        }

        return new JsonObject
        {
            ["apiVersion"] = "extensions.gardener.cloud/v1alpha1",
            ["kind"] = "Cluster",
            ["metadata"] = new JsonObject
            {
                ["name"] = ns,
                ["annotations"] = new JsonObject { [ControlPlaneActuator.GenericKubeconfigAnnotation] = KubeconfigSecret },
            },
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
                        ["providerConfig"] = new JsonObject
                        {
                            ["apiVersion"] = "metal.provider.extensions.gardener.cloud/v1alpha1",
                            ["kind"] = "CloudProfileConfig",
                            ["metalControlPlanes"] = new JsonObject
                            {
                                ["sim"] = new JsonObject
                                {
                                    ["endpoint"] = Sim.BaseAddress.AbsoluteUri,
                                    ["partitions"] = new JsonObject
                                    {
                                        [PartitionId] = new JsonObject
                                        {
                                            ["networkIsolation"] = new JsonObject
                                            {
                                                ["allowedNetworks"] = new JsonObject { ["ingress"] = new JsonArray("10.0.0.0/8"), ["egress"] = new JsonArray("10.0.0.0/8") },
                                                ["dnsServers"] = new JsonArray("10.0.0.53"),
                                                ["ntpServers"] = new JsonArray("10.0.0.123"),
                                            },
                                        },
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
                    ["metadata"] = new JsonObject { ["name"] = ShootName, ["namespace"] = "garden-cp", ["uid"] = RenderCases.Baseline.ClusterId },
                    ["spec"] = shootSpec,
                    ["status"] = new JsonObject { ["uid"] = RenderCases.Baseline.ClusterId, ["technicalID"] = ns },
                },
            },
        };
    }

    private static string Inventory() => $"""
        partitions:
          - id: {PartitionId}
            name: test partition
        sizes:
          - id: c1-medium-x86
            name: c1-medium-x86
            cpuCores: 8
            memoryGiB: 32
            storageGiB: 480
        images:
          - id: ubuntu-24.04
            name: Ubuntu 24.04
            features: [machine]
        projects:
          - id: {ProjectId}
            name: controlplane
            tenant: cp-tenant
        networks:
          - id: tenant-super-network-{PartitionId}
            name: private super network
            partition: {PartitionId}
            prefixes: [10.128.0.0/12]
            privateSuper: true
            childPrefixLength: 22
          - id: {OtherExternalNetwork}
            name: legacy internet
            prefixes: [198.51.100.0/24]
            destinationPrefixes: [0.0.0.0/0]
            nat: true
            vrf: 104010
            labels:
              network.metal-stack.io/default-external: ""
          - id: {ExternalNetwork}
            name: internet
            prefixes: [203.0.113.0/24]
            destinationPrefixes: [0.0.0.0/0]
            nat: true
            vrf: 104009
            labels:
              network.metal-stack.io/default-external: ""
              network.metal-stack.io/default: ""
          - id: {MplsNetwork}
            name: mpls
            prefixes: [100.127.1.0/24]
            destinationPrefixes: [10.0.0.0/8]
            nat: false
            vrf: 104011
        machines:
          - partition: {PartitionId}
            size: c1-medium-x86
            count: 1
            racks: [rack-1]
        """;
}
