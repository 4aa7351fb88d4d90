// Informer memory benchmark: fills the Kubernetes API emulator with N ConfigMaps (realistic size:
// labels, annotations, managedFields, four data keys), runs an informer over HTTPS until synced,
// and reports the managed memory its cache holds (GC.GetTotalMemory with forced collections,
// measured before the informer starts and after it synced, with the emulator's own data already
// resident in both measurements). Target: 10,000 objects in < 100 MB.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using GardenerMetal.KubeEmulator;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.Kubernetes.Controllers;
using GardenerMetal.Kubernetes.Models;

var output = args.Length > 0 ? args[0] : ".local/bench/kubernetes.txt";
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
const double TargetMb = 100;

await using var server = await KubeEmulatorServer.StartAsync(new KubeEmulatorOptions { WatchWindow = 100 });
var dir = Directory.CreateTempSubdirectory("gm-kbench");
using var client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfigFile(server.WriteKubeconfig(Path.Combine(dir.FullName, "kubeconfig"))));

var fill = Stopwatch.StartNew();
const int Batch = 1000;
for (var start = 0; start < count; start += Batch)
{
    var yaml = new StringBuilder("apiVersion: v1\nkind: List\nitems:\n");
    for (var i = start; i < Math.Min(count, start + Batch); i++)
    {
        yaml.Append(CultureInfo.InvariantCulture, $"""
            - apiVersion: v1
              kind: ConfigMap
              metadata:
                name: cm-{i:D5}
                namespace: bench-{i % 20}
                labels: {"{"}app: bench, shard: "s{i % 20}", role: worker{"}"}
                annotations: {"{"}gardener.cloud/operation: reconcile, note: "object {i} of the informer memory benchmark"{"}"}
              data:
                config.yaml: "apiVersion: v1\nkind: Config\nvalue: {i}\n"
                user: "user-{i}"
                region: eu-central-1
                checksum: "{i:x16}{i:x16}"

            """);
    }

    await server.ApplyYamlAsync(yaml.ToString());
}

fill.Stop();
Console.WriteLine($"emulator filled with {count} ConfigMaps in {fill.Elapsed.TotalSeconds:0.0}s");

var results = new StringBuilder();
results.AppendLine(CultureInfo.InvariantCulture, $"# GardenerMetal.Kubernetes informer memory ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, other builds may run concurrently)");
results.AppendLine(CultureInfo.InvariantCulture, $"# target: {count} objects in < {TargetMb} MB managed memory");
var ok = true;
ok &= await MeasureAsync("typed ConfigMap", () => new Informer<ConfigMap>(client.ConfigMaps));
ok &= await MeasureAsync("untyped JsonObject", () => new Informer<System.Text.Json.Nodes.JsonObject>(client.Resource(ResourceDescriptor.ConfigMaps)));

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, results.ToString());
Console.Write(results);
dir.Delete(recursive: true);
return ok ? 0 : 1;

async Task<bool> MeasureAsync<T>(string name, Func<Informer<T>> create)
    where T : class
{
    var before = Settle();
    using var cts = new CancellationTokenSource();
    var informer = create();
    var sw = Stopwatch.StartNew();
    var run = informer.RunAsync(cts.Token);
    await informer.WaitForSyncAsync().WaitAsync(TimeSpan.FromMinutes(5));
    sw.Stop();
    var after = Settle();
    var cached = informer.Count;
    GC.KeepAlive(informer);
    await cts.CancelAsync();
    await run;
    var mb = (after - before) / (1024.0 * 1024.0);
    var pass = cached == count && mb < TargetMb;
    results.AppendLine(CultureInfo.InvariantCulture,
        $"informer[{name}]: objects={cached} managed_mb={mb:0.0} bytes_per_object={(after - before) / Math.Max(1, cached)} sync_seconds={sw.Elapsed.TotalSeconds:0.00} target_mb={TargetMb} {(pass ? "PASS" : "FAIL")}");
    return pass;
}

static long Settle()
{
    for (var i = 0; i < 3; i++)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    return GC.GetTotalMemory(forceFullCollection: true);
}

/// <summary>Entry point marker (top-level program).</summary>
internal static partial class Program;
