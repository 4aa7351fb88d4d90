using System.Text;
using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Kubernetes;
using GardenerMetal.Extensions.Reconciliation;
using GardenerMetal.KubeEmulator;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.Provider.Controllers.Worker;
using GardenerMetal.Provider.Controllers.Worker.Mcm;
using Microsoft.Extensions.Logging.Abstractions;

namespace GardenerMetal.Worker.Tests.Support;

/// <summary>
/// A local seed for Worker tests, shared by a test class: the Kubernetes API emulator with the upstream Cluster,
/// Worker and MCM CRDs, a client, and helpers that create a shoot's objects in a namespace of its own and drive the
/// real ExtensionReconciler with the WorkerActuator.
/// </summary>
public sealed class WorkerTestBed : IAsyncLifetime
{
    public const string WorkerName = "worker";
    public const string ProjectId = "8b2f6c1a-4d3e-4a5b-9c7d-0e1f2a3b4c5d";
    public const string PartitionId = "fra-equ01";
    public const string Region = "eu-central";
    public const string NetworkId = "0d9a1c4e-node-network";
    public const string MetalApiUrl = "https://metal.example.invalid/metal";
    public const string SshKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIWorkerTestKey wt@test";
    public const string Hmac = "worker-test-hmac";

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private string? _dir;
    private int _shoots;

    public KubeEmulatorServer Emulator { get; private set; } = null!;

    public KubernetesClient Kube { get; private set; } = null!;

    public ResourceClient<JsonObject> Workers => Kube.Resource(ExtensionResources.Workers);

    public ResourceClient<JsonObject> Clusters => Kube.Resource(ExtensionResources.Clusters);

    public ResourceClient<JsonObject> MachineClasses => Kube.Resource(McmResources.MachineClasses);

    public ResourceClient<JsonObject> MachineDeployments => Kube.Resource(McmResources.MachineDeployments);

    public ResourceClient<JsonObject> MachineSets => Kube.Resource(McmResources.MachineSets);

    public ResourceClient<JsonObject> Machines => Kube.Resource(McmResources.Machines);

    public async ValueTask InitializeAsync()
    {
        Emulator = await KubeEmulatorServer.StartAsync(new KubeEmulatorOptions()).WaitAsync(Bound);
        await Emulator.ApplyFileAsync(RepoPaths.GardenerCrd("extensions.gardener.cloud_clusters.yaml")).WaitAsync(Bound);
        await Emulator.ApplyFileAsync(RepoPaths.GardenerCrd("extensions.gardener.cloud_workers.yaml")).WaitAsync(Bound);
        foreach (var crd in RepoPaths.McmCrds())
        {
            await Emulator.ApplyFileAsync(crd).WaitAsync(Bound);
        }

        _dir = Directory.CreateTempSubdirectory("worker-tests-").FullName;
        var kubeconfig = Emulator.WriteKubeconfig(Path.Combine(_dir, "kubeconfig"));
        Kube = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfigFile(kubeconfig), NullLoggerFactory.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        Kube.Dispose();
        await Emulator.DisposeAsync();
        if (_dir is not null)
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    /// <summary>A fresh namespace name (or <paramref name="name"/> when the golden files need a stable one).</summary>
    public string NextNamespace(string? name = null) => "shoot--wt--" + (name ?? "s" + Interlocked.Increment(ref _shoots));

    public WorkerActuator NewActuator() =>
        new(Kube, new WorkerActuatorOptions { DeletionPollInterval = TimeSpan.FromMilliseconds(20) }, NullLogger<WorkerActuator>.Instance);

    public ExtensionReconciler<Extensions.Apis.Worker> NewReconciler() =>
        new(new KubernetesExtensionStore<Extensions.Apis.Worker>(ExtensionResources.Client<Extensions.Apis.Worker>(Kube), ExtensionResources.ClusterClient(Kube)),
            NewActuator(), new ExtensionReconcilerOptions { ExtensionTypes = ["metal"] }, NullLogger.Instance);

    /// <summary>One reconcile of the namespace's Worker.</summary>
    public Task<ReconcileOutcome> ReconcileOnceAsync(string ns) =>
        NewReconciler().ReconcileAsync(new ResourceKey(ns, WorkerName), CancellationToken.None).WaitAsync(Bound);

    /// <summary>Reconciles until the outcome asks for nothing more (done, skipped or an error), as the work queue does.</summary>
    public async Task<ReconcileOutcome> DriveAsync(string ns, int maxRounds = 50)
    {
        var reconciler = NewReconciler();
        for (var round = 0; ; round++)
        {
            var outcome = await reconciler.ReconcileAsync(new ResourceKey(ns, WorkerName), CancellationToken.None).WaitAsync(Bound);
            if (outcome.Error is not null || outcome.RequeueAfter is not { } delay || round >= maxRounds)
            {
                return outcome;
            }

            await Task.Delay(delay).WaitAsync(Bound);
        }
    }

    /// <summary>Creates the credentials Secret, the OSC result Secrets, the Cluster and the Worker of a shoot.</summary>
    public async Task CreateShootAsync(string ns, JsonArray pools, string uid = ShootSpecs.Uid, JsonObject? shootAnnotations = null, JsonObject? workerStatus = null, JsonObject? workerAnnotations = null)
    {
        await ApplyAsync(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = "cloudprovider", ["namespace"] = ns },
            ["type"] = "Opaque",
            ["data"] = new JsonObject
            {
                ["metalAPIHMac"] = B64(Hmac),
                ["metalAPIURL"] = B64("https://from-secret.example.invalid/"),
            },
        });
        foreach (var pool in pools.OfType<JsonObject>())
        {
            await SetUserDataAsync(ns, pool["name"]!.GetValue<string>(), ShootSpecs.UserData(pool["name"]!.GetValue<string>()));
        }

        await ApplyAsync(ShootSpecs.Cluster(ns, uid, shootAnnotations));
        var worker = ShootSpecs.Worker(ns, pools, workerAnnotations);
        if (workerStatus is not null)
        {
            worker["status"] = workerStatus;
        }

        await ApplyAsync(worker);
    }

    /// <summary>Writes the OSC result secret of a pool (<c>osc-result-&lt;pool&gt;</c>, key <c>cloud_config</c>).</summary>
    public Task SetUserDataAsync(string ns, string pool, string userData) => ApplyAsync(new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JsonObject { ["name"] = "osc-result-" + pool, ["namespace"] = ns },
        ["type"] = "Opaque",
        ["data"] = new JsonObject { ["cloud_config"] = B64(userData) },
    });

    /// <summary>Read-modify-replace of the Worker.</summary>
    public async Task UpdateWorkerAsync(string ns, Action<JsonObject> mutate)
    {
        var worker = await Workers.GetAsync(ns, WorkerName).WaitAsync(Bound);
        mutate(worker);
        await Workers.ReplaceAsync(worker).WaitAsync(Bound);
    }

    /// <summary>Read-modify-replace of the Cluster's embedded shoot.</summary>
    public async Task UpdateShootAsync(string ns, Action<JsonObject> mutate)
    {
        var cluster = await Clusters.GetAsync(null, ns).WaitAsync(Bound);
        mutate((JsonObject)cluster["spec"]!["shoot"]!);
        await Clusters.ReplaceAsync(cluster).WaitAsync(Bound);
    }

    public static async Task<List<JsonObject>> ListAsync(ResourceClient<JsonObject> client, string ns, string? labelSelector = null)
    {
        var page = await client.ListAsync(ns, labelSelector is null ? null : new ListOptions { LabelSelector = labelSelector }).WaitAsync(Bound);
        return [.. page.Items.OrderBy(i => i["metadata"]!["name"]!.GetValue<string>(), StringComparer.Ordinal)];
    }

    public Task<Extensions.Apis.Worker> GetWorkerAsync(string ns) =>
        ExtensionResources.Client<Extensions.Apis.Worker>(Kube).GetAsync(ns, WorkerName).WaitAsync(Bound);

    public Task ApplyAsync(JsonObject obj) => Emulator.ApplyYamlAsync(obj.ToJsonString()).WaitAsync(Bound);

    public static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
