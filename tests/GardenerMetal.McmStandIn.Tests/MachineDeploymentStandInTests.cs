using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Configuration;

namespace GardenerMetal.McmStandIn.Tests;

/// <summary>The stand-in against the Kubernetes API emulator serving the real MCM CRDs.</summary>
public sealed class MachineDeploymentStandInTests : IAsyncLifetime
{
    private const string Ns = "shoot--test--standin";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private KubeEmulatorServer _emulator = null!;
    private KubernetesClient _client = null!;
    private CancellationTokenSource _stop = null!;
    private Task _run = null!;
    private string _dir = null!;

    private ResourceClient<JsonObject> Deployments => _client.Resource(McmResources.MachineDeployments);

    private ResourceClient<JsonObject> Sets => _client.Resource(McmResources.MachineSets);

    private ResourceClient<JsonObject> Machines => _client.Resource(McmResources.Machines);

    public async ValueTask InitializeAsync()
    {
        _emulator = await KubeEmulatorServer.StartAsync(new KubeEmulatorOptions()).WaitAsync(Wait);
        foreach (var crd in new[] { "machinedeployments", "machinesets", "machines", "machineclasses" })
        {
            await _emulator.ApplyFileAsync(RepoPaths.McmCrd($"machine.sapcloud.io_{crd}.yaml")).WaitAsync(Wait);
        }

        await _emulator.ApplyYamlAsync($"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {Ns}\n").WaitAsync(Wait);
        _dir = Directory.CreateTempSubdirectory("mcm-standin-").FullName;
        _client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfigFile(_emulator.WriteKubeconfig(Path.Combine(_dir, "kubeconfig"))));
        _stop = new CancellationTokenSource();
        _run = new MachineDeploymentStandIn(_client, new McmStandInOptions { Namespace = Ns, ExpectationTimeout = TimeSpan.FromSeconds(5) }).RunAsync(_stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(Wait);
        _stop.Dispose();
        _client.Dispose();
        await _emulator.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Create_Deployment_CreatesSetAndMachinesFromTemplate()
    {
        await Deployments.CreateAsync(Deployment("pool-a", 3, "class-a")).WaitAsync(Wait);

        var machines = await WaitForMachinesAsync(m => m.Count == 3);

        var set = Assert.Single((await Sets.ListAsync(Ns).WaitAsync(Wait)).Items);
        Assert.StartsWith("pool-a-", set["metadata"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("MachineDeployment", set["metadata"]!["ownerReferences"]![0]!["kind"]!.GetValue<string>());
        Assert.All(machines, m =>
        {
            Assert.Equal("class-a", m["spec"]!["class"]!["name"]!.GetValue<string>());
            Assert.Equal("pool-a", m["metadata"]!["labels"]!["worker.gardener.cloud/pool"]!.GetValue<string>());
            Assert.Equal(set["metadata"]!["name"]!.GetValue<string>(), m["metadata"]!["ownerReferences"]![0]!["name"]!.GetValue<string>());
            Assert.Equal("node-role", m["spec"]!["nodeTemplate"]!["metadata"]!["labels"]!["role"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task Status_MachinesRunning_DeploymentReportsAvailable()
    {
        await Deployments.CreateAsync(Deployment("pool-s", 2, "class-a")).WaitAsync(Wait);
        var machines = await WaitForMachinesAsync(m => m.Count == 2);

        foreach (var m in machines)
        {
            await SetPhaseAsync(m, "Running");
        }

        await WaitUntilAsync(async () =>
        {
            var d = await Deployments.GetAsync(Ns, "pool-s").WaitAsync(Wait);
            return Json.Int(d["status"]?["availableReplicas"]) == 2 && Json.Int(d["status"]?["updatedReplicas"]) == 2 && Json.Int(d["status"]?["replicas"]) == 2;
        });
    }

    [Fact]
    public async Task ScaleDown_DeletesNotRunningMachinesFirst()
    {
        await Deployments.CreateAsync(Deployment("pool-b", 3, "class-a")).WaitAsync(Wait);
        var machines = await WaitForMachinesAsync(m => m.Count == 3);
        var keep = machines[1]["metadata"]!["name"]!.GetValue<string>();
        await SetPhaseAsync(machines[1], "Running");
        // The stand-in must have seen the phase (its own machine cache) before the scale-down picks victims.
        await WaitUntilAsync(async () => Json.Int((await Deployments.GetAsync(Ns, "pool-b").WaitAsync(Wait))["status"]?["availableReplicas"]) == 1);

        await Deployments.PatchAsync(Ns, "pool-b", KubernetesPatch.Merge(new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 1 } })).WaitAsync(Wait);

        var left = await WaitForMachinesAsync(m => m.Count == 1);
        Assert.Equal(keep, left[0]["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task TemplateChange_RollsMachinesOverAndDeletesOldSet()
    {
        await Deployments.CreateAsync(Deployment("pool-c", 2, "class-a")).WaitAsync(Wait);
        foreach (var m in await WaitForMachinesAsync(m => m.Count == 2))
        {
            await SetPhaseAsync(m, "Running");
        }

        await Deployments.PatchAsync(Ns, "pool-c", KubernetesPatch.Merge(JsonNode.Parse("""{"spec":{"template":{"spec":{"class":{"name":"class-b"}}}}}""")!.AsObject())).WaitAsync(Wait);

        // Play the machine controller: every new Machine becomes Running; the rollout must end with class-b only.
        await WaitUntilAsync(async () =>
        {
            var all = await ActiveMachinesAsync();
            foreach (var m in all.Where(m => Json.Phase(m) != "Running"))
            {
                await SetPhaseAsync(m, "Running");
            }

            return all.Count == 2 && all.All(m => m["spec"]!["class"]!["name"]!.GetValue<string>() == "class-b")
                && (await Sets.ListAsync(Ns).WaitAsync(Wait)).Items.Count(s => Json.Owner(s, "MachineDeployment")?.Name == "pool-c") == 1;
        });
    }

    [Fact]
    public async Task FailedMachine_IsReplaced()
    {
        await Deployments.CreateAsync(Deployment("pool-f", 1, "class-a")).WaitAsync(Wait);
        var failed = (await WaitForMachinesAsync(m => m.Count == 1))[0];

        await SetPhaseAsync(failed, "Failed");

        var now = await WaitForMachinesAsync(m => m.Count == 1 && Json.Name(m[0]) != Json.Name(failed));
        Assert.Equal("", Json.Phase(now[0]));
    }

    [Fact]
    public async Task Delete_Deployment_GarbageCollectsSetsAndMachines()
    {
        await Deployments.CreateAsync(Deployment("pool-d", 2, "class-a")).WaitAsync(Wait);
        await WaitForMachinesAsync(m => m.Count == 2);

        await Deployments.DeleteAsync(Ns, "pool-d").WaitAsync(Wait);

        await WaitUntilAsync(async () => (await Machines.ListAsync(Ns).WaitAsync(Wait)).Items.Count == 0 && (await Sets.ListAsync(Ns).WaitAsync(Wait)).Items.Count == 0);
    }

    private static JsonObject Deployment(string name, int replicas, string machineClass) => JsonNode.Parse($$"""
        {
          "apiVersion": "machine.sapcloud.io/v1alpha1",
          "kind": "MachineDeployment",
          "metadata": {"name": "{{name}}", "namespace": "{{Ns}}"},
          "spec": {
            "replicas": {{replicas}},
            "selector": {"matchLabels": {"name": "{{name}}"} },
            "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 1, "maxUnavailable": 0} },
            "template": {
              "metadata": {"labels": {"name": "{{name}}", "worker.gardener.cloud/pool": "{{name}}"} },
              "spec": {
                "class": {"kind": "MachineClass", "name": "{{machineClass}}"},
                "nodeTemplate": {"metadata": {"labels": {"role": "node-role"} } }
              }
            }
          }
        }
        """)!.AsObject();

    private async Task<List<JsonObject>> ActiveMachinesAsync() =>
        (await Machines.ListAsync(Ns).WaitAsync(Wait)).Items.Where(m => !Json.Deleting(m)).ToList();

    private async Task<List<JsonObject>> WaitForMachinesAsync(Func<List<JsonObject>, bool> condition)
    {
        List<JsonObject> machines = [];
        await WaitUntilAsync(async () =>
        {
            machines = await ActiveMachinesAsync();
            return condition(machines);
        });
        await Task.Delay(300).WaitAsync(Wait); // a stand-in that overshoots would show it now
        var settled = await ActiveMachinesAsync();
        Assert.True(condition(settled), $"machines changed after reaching the expected state: {settled.Count}");
        return settled;
    }

    private Task<JsonObject> SetPhaseAsync(JsonObject machine, string phase) =>
        Machines.PatchStatusAsync(Ns, Json.Name(machine), KubernetesPatch.Merge(new JsonObject
        {
            ["status"] = new JsonObject { ["currentStatus"] = new JsonObject { ["phase"] = phase } },
        })).WaitAsync(Wait);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (!await condition().WaitAsync(Wait))
        {
            await Task.Delay(50, timeout.Token).WaitAsync(Wait);
        }
    }
}
