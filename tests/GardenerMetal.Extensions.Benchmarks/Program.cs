using System.Diagnostics;
using System.Globalization;
using System.Text;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Benchmarks;
using GardenerMetal.Extensions.Hosting;
using GardenerMetal.Extensions.Kubernetes;
using GardenerMetal.KubeEmulator;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.Kubernetes.Models;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

// Usage: GardenerMetal.Extensions.Benchmarks <output file> [objects] [max-concurrent-reconciles...]
// BENCH_TELEMETRY=1 runs with OpenTelemetry listening as in a deployable (every GardenerMetal.* meter aggregated,
// a span per reconcile and per HTTP call recorded), to measure what telemetry costs.
var telemetry = Environment.GetEnvironmentVariable("BENCH_TELEMETRY") == "1";
var spans = new List<System.Diagnostics.Activity>();
var exportedMetrics = new List<Metric>();
using var meterProvider = telemetry ? Sdk.CreateMeterProviderBuilder().AddMeter("GardenerMetal.*").AddInMemoryExporter(exportedMetrics).Build() : null;
using var tracerProvider = telemetry ? Sdk.CreateTracerProviderBuilder().AddSource("GardenerMetal.*").AddHttpClientInstrumentation().AddInMemoryExporter(spans).Build() : null;
var output = args.Length > 0 ? args[0] : Path.Combine(".local", "bench", "extensions.txt");
var objects = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
var concurrencies = args.Length > 2 ? args[2..].Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [5, 20];

var reference = FindReference();
var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"# extensions framework benchmark ({DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}, {Environment.ProcessorCount} cores; other builds may run concurrently)");
report.AppendLine(CultureInfo.InvariantCulture, $"# {objects} Infrastructures with the reconcile annotation, no-op actuator, Kubernetes API emulator over HTTPS on 127.0.0.1");
report.AppendLine("# target: < 30 s for 1,000; framework API calls per reconcile <= 3 (reads come from informer caches)");
report.AppendLine(telemetry ? "# telemetry: OpenTelemetry metrics + traces listening (BENCH_TELEMETRY=1)" : "# telemetry: no listener (instruments and spans are no-ops)");

foreach (var concurrency in concurrencies)
{
    await using var server = await KubeEmulatorServer.StartAsync(new KubeEmulatorOptions());
    var kubeconfig = server.WriteKubeconfig(Path.Combine(Path.GetTempPath(), "gm-ext-bench-" + Guid.NewGuid().ToString("N"), "kubeconfig"));
    using var client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfigFile(kubeconfig), NullLoggerFactory.Instance);
    foreach (var crd in new[] { "clusters", "infrastructures" })
    {
        await server.ApplyFileAsync(Path.Combine(reference, "gardener-crds", $"extensions.gardener.cloud_{crd}.yaml"));
    }

    const string ns = "shoot--bench--metal";
    await client.Namespaces.CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = ns } });
    await server.ApplyYamlAsync($$"""
        apiVersion: extensions.gardener.cloud/v1alpha1
        kind: Cluster
        metadata:
          name: {{ns}}
        spec:
          cloudProfile:
            kind: CloudProfile
          seed:
            kind: Seed
          shoot:
            kind: Shoot
            metadata:
              name: metal
              uid: bench
            status:
              lastOperation:
                type: Reconcile
                state: Succeeded
                progress: 100
                description: ok
                lastUpdateTime: "2025-01-01T00:00:00Z"
        """);
    var infrastructures = ExtensionResources.Client<Infrastructure>(client);
    await Parallel.ForAsync(0, objects, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
    {
        await infrastructures.CreateAsync(new Infrastructure
        {
            ApiVersion = "extensions.gardener.cloud/v1alpha1",
            Kind = "Infrastructure",
            Metadata = new ObjectMeta { Name = "infra-" + i.ToString(CultureInfo.InvariantCulture), Namespace = ns, Annotations = new Dictionary<string, string> { ["gardener.cloud/operation"] = "reconcile" } },
            Spec = new InfrastructureSpec { Type = "metal", Region = "nbg", SecretRef = new SecretReference { Name = "cloudprovider", Namespace = ns } },
        }, ct);
    });

    var host = new ControllerHost(client, new ControllerHostOptions
    {
        Namespace = ns,
        MaxConcurrentReconciles = concurrency,
        LeaderElection = false,
        HeartbeatRenewInterval = TimeSpan.Zero,
    }, NullLoggerFactory.Instance).AddController("infrastructure", new NoOpActuator(), "metal");

    using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
    var watch = Stopwatch.StartNew();
    var run = host.RunAsync(stop.Token);
    while (host.Metrics.Reconciles("infrastructure", "success") < objects && !stop.IsCancellationRequested)
    {
        await Task.Delay(20);
    }

    watch.Stop();
    var done = host.Metrics.Reconciles("infrastructure", "success");
    var calls = host.ApiCalls("infrastructure");
    await stop.CancelAsync();
    await run;

    // Check the end state from the server.
    var succeeded = 0;
    await foreach (var infra in infrastructures.ListAllAsync(ns))
    {
        if (infra.Status?.LastOperation?.State == LastOperationState.Succeeded && infra.Metadata.GetAnnotation("gardener.cloud/operation") is null)
        {
            succeeded++;
        }
    }

    var line = string.Create(CultureInfo.InvariantCulture,
        $"max-concurrent-reconciles={concurrency}: {done}/{objects} reconciled in {watch.Elapsed.TotalSeconds:F2} s ({done / watch.Elapsed.TotalSeconds:F0}/s), " +
        $"framework API calls {calls} = {(double)calls / Math.Max(1, done):F2} per reconcile, verified Succeeded on the server: {succeeded}, " +
        $"{(watch.Elapsed < TimeSpan.FromSeconds(30) && done == objects ? "PASS" : "FAIL")} (< 30 s)");
    Console.WriteLine(line);
    report.AppendLine(line);
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, report.ToString());
Console.WriteLine("written " + output);
return 0;

static string FindReference()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "shared", "reference");
        if (Directory.Exists(candidate))
        {
            return candidate;
        }
    }

    throw new InvalidOperationException("No shared/reference folder above " + AppContext.BaseDirectory);
}
