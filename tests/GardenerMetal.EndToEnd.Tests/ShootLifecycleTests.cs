using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using GardenerMetal.Kubernetes;
using GardenerMetal.LocalUp;
using GardenerMetal.McmStandIn;
using GardenerMetal.Testing;

namespace GardenerMetal.EndToEnd.Tests;

/// <summary>
/// `make up` headless: the example shoot on the local seed with every component running — machines Running with
/// valid Ignition user data, a pool scaled up, the shoot deleted, and nothing of the cluster's left in the simulator.
/// </summary>
public sealed class ShootLifecycleTests : IAsyncLifetime
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(60);
    private readonly string _dir = Directory.CreateTempSubdirectory("e2e-").FullName;
    private LocalSeed _seed = null!;

    public async ValueTask InitializeAsync()
    {
        _seed = await LocalSeed.StartAsync(
            new LocalSeedOptions
            {
                StateDirectory = _dir,
                KubePort = 0,
                MetalApiPort = 0,
                ProvisioningStep = TimeSpan.FromMilliseconds(50),

                // The garden Shoot goes through the real admission webhook binary (built with the solution).
                Admission = true,
            },
            TextWriter.Null,
            CancellationToken.None).WaitAsync(Step);
    }

    public async ValueTask DisposeAsync()
    {
        await _seed.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Shoot_UpScaleDelete_MachinesRunningThenNothingLeftInMetalApi()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        var networksBefore = _seed.Simulator.Networks().Count;

        // Up: every machine Running.
        await _seed.ApplyShootAsync(ct).WaitAsync(Step, ct);
        var progress = await WaitForAsync(p => p.AllRunning, ct);
        Assert.Equal(5, progress.Running);

        var clusterTag = "cluster.metal-stack.io/id=" + await ShootUidAsync(ct);
        var machines = await ActiveMachinesAsync(ct);
        Assert.Equal(5, machines.Count);
        Assert.Equal(machines.Count, machines.Select(m => m["spec"]!["providerID"]!.GetValue<string>()).Distinct().Count());
        foreach (var machine in machines)
        {
            var providerId = machine["spec"]!["providerID"]!.GetValue<string>();
            Assert.StartsWith("metal:///local-1/", providerId, StringComparison.Ordinal);
            var metal = _seed.Simulator.Machine(providerId[(providerId.LastIndexOf('/') + 1)..]);
            Assert.NotNull(metal?.Allocation);
            Assert.Contains(clusterTag, metal.Tags ?? []);
            await AssertValidIgnitionAsync(metal.Allocation.UserData, machine["metadata"]!["name"]!.GetValue<string>(), ct);
        }

        // One firewall of the cluster.
        Assert.Single(_seed.Simulator.MachinesWithTag(clusterTag), m => m.Allocation?.Role == "firewall");

        // Scale the small pool from 3 to 4 machines, as Gardener does by changing the Worker.
        var workers = _seed.Client.Resource(ExtensionResourceDescriptors.Workers);
        var worker = await workers.GetAsync(LocalSeed.ShootNamespace, "demo", ct).WaitAsync(Step, ct);
        worker["spec"]!["pools"]![0]!["minimum"] = 4;
        worker["metadata"]!["annotations"] = new JsonObject { ["gardener.cloud/operation"] = "reconcile" };
        await workers.ReplaceAsync(worker, ct).WaitAsync(Step, ct);
        progress = await WaitForAsync(p => p.AllRunning && p.Running == 6, ct);
        Assert.Equal(6, _seed.Simulator.MachinesWithTag(clusterTag).Count(m => m.Allocation?.Role == "machine"));

        // Delete the shoot: Worker first (machines go), then Infrastructure and OSCs, as gardenlet does.
        await workers.DeleteAsync(LocalSeed.ShootNamespace, "demo", cancellationToken: ct).WaitAsync(Step, ct);
        await WaitGoneAsync(workers, "demo", ct);
        Assert.Empty(await ActiveMachinesAsync(ct));
        var infrastructures = _seed.Client.Resource(ExtensionResourceDescriptors.Infrastructures);
        await infrastructures.DeleteAsync(LocalSeed.ShootNamespace, "demo", cancellationToken: ct).WaitAsync(Step, ct);
        await WaitGoneAsync(infrastructures, "demo", ct);
        var oscs = _seed.Client.Resource(ExtensionResourceDescriptors.OperatingSystemConfigs);
        foreach (var name in new[] { "cloud-config-small", "cloud-config-large" })
        {
            await oscs.DeleteAsync(LocalSeed.ShootNamespace, name, cancellationToken: ct).WaitAsync(Step, ct);
            await WaitGoneAsync(oscs, name, ct);
        }

        Assert.Empty(_seed.Simulator.MachinesWithTag(clusterTag));
        Assert.Empty(_seed.Simulator.AllocatedMachines());
        Assert.Empty(_seed.Simulator.IPsWithTag(clusterTag));
        Assert.Equal(networksBefore, _seed.Simulator.Networks().Count);
        Assert.Null(_seed.FailedComponent);
    }

    private async Task<string> ShootUidAsync(CancellationToken ct)
    {
        var cluster = await _seed.Client.Resource(ExtensionResourceDescriptors.Clusters).GetAsync(null, LocalSeed.ShootNamespace, ct).WaitAsync(Step, ct);
        return cluster["spec"]!["shoot"]!["metadata"]!["uid"]!.GetValue<string>();
    }

    private async Task<List<JsonObject>> ActiveMachinesAsync(CancellationToken ct) =>
        [.. (await _seed.Client.Resource(McmResources.Machines).ListAsync(LocalSeed.ShootNamespace, cancellationToken: ct).WaitAsync(Step, ct)).Items
            .Where(m => m["metadata"]?["deletionTimestamp"] is null)];

    private async Task<ShootProgress> WaitForAsync(Func<ShootProgress, bool> condition, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        ShootProgress progress;
        while (true)
        {
            await _seed.TryApplyWorkerAsync(ct).WaitAsync(Step, ct);
            progress = await ShootProgress.ReadAsync(_seed.Client, LocalSeed.ShootNamespace, ct).WaitAsync(Step, ct);
            if (condition(progress))
            {
                return progress;
            }

            Assert.Null(_seed.FailedComponent);
            Assert.True(clock.Elapsed < Step, "shoot did not reach the expected state:\n" + string.Join("\n", progress.Lines));
            await Task.Delay(100, ct).WaitAsync(Step, ct);
        }
    }

    private static async Task WaitGoneAsync(ResourceClient<JsonObject> resources, string name, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (await resources.TryGetAsync(LocalSeed.ShootNamespace, name, ct).WaitAsync(Step, ct) is { } obj)
        {
            Assert.True(clock.Elapsed < Step, $"{resources.Resource.Kind} {name} was not deleted: {obj["status"]?["lastOperation"]?.ToJsonString()} {obj["status"]?["lastError"]?.ToJsonString()}");
            await Task.Delay(100, ct).WaitAsync(Step, ct);
        }
    }

    private async Task AssertValidIgnitionAsync(string? userData, string machineName, CancellationToken ct)
    {
        Assert.False(string.IsNullOrEmpty(userData), $"machine {machineName} has no user data");
        var text = userData;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(userData));
            if (decoded.TrimStart().StartsWith('{'))
            {
                text = decoded;
            }
        }
        catch (FormatException)
        {
            // not base64: the Ignition JSON itself
        }

        Assert.DoesNotContain("BOOTSTRAP_TOKEN", text, StringComparison.Ordinal);
        Assert.StartsWith("{\"ignition\":{\"version\":\"2.3.0\"}", text, StringComparison.Ordinal);
        var file = Path.Combine(_dir, machineName + ".ign");
        await File.WriteAllTextAsync(file, text, ct).WaitAsync(Step, ct);
        // flatcar/ignition v0.36.2's own validator (spec 2.x): what the metal-stack image runs on its user data
        var (exitCode, output) = await IgnitionValidateV2.RunAsync(file, ct).WaitAsync(Step, ct);
        Assert.True(exitCode == 0, $"ignition-validate-v2 rejected the user data of {machineName}: {output}");
    }
}
