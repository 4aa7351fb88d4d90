using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Reconciliation;
using GardenerMetal.Provider.IntegrationTests.Support;

namespace GardenerMetal.Provider.Benchmarks;

/// <summary>
/// Creates N shoots in the emulator, then reconciles every Infrastructure with W workers (a work queue with explicit
/// requeues, like the controller) until all are Succeeded. Reports wall time and per-shoot latency.
/// </summary>
internal static class InfrastructureLoad
{
    public static async Task<string> RunAsync(int shoots, int workers, TimeSpan provisioningStep, TimeSpan pollInterval, CancellationToken ct)
    {
        await using var bed = await InfrastructureTestBed.StartAsync(firewallMachines: shoots + 4, provisioningStep, ct);
        bed.ActuatorOptions = bed.ActuatorOptions with { FirewallPollInterval = pollInterval };
        var refs = new List<ShootRef>();
        var setup = Stopwatch.StartNew();
        for (var i = 0; i < shoots; i++)
        {
            refs.Add(await bed.CreateShootAsync("s" + i.ToString("D3", CultureInfo.InvariantCulture), ct: ct));
        }

        setup.Stop();
        var reconciler = bed.NewReconciler();
        var queue = Channel.CreateUnbounded<ResourceKey>();
        var done = new ConcurrentDictionary<ResourceKey, TimeSpan>();
        var reconciles = 0;
        var errors = 0;
        var clock = Stopwatch.StartNew();
        foreach (var shoot in refs)
        {
            queue.Writer.TryWrite(shoot.Key);
        }

        using var finished = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var tasks = Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            await foreach (var key in queue.Reader.ReadAllAsync(finished.Token))
            {
                Interlocked.Increment(ref reconciles);
                var outcome = await reconciler.ReconcileAsync(key, finished.Token);
                TimeSpan? again = outcome.Error is not null ? TimeSpan.FromSeconds(1) : outcome.RequeueAfter;
                if (outcome.Error is not null)
                {
                    Interlocked.Increment(ref errors);
                }

                if (again is { } delay)
                {
                    _ = Task.Delay(delay, finished.Token).ContinueWith(t => queue.Writer.TryWrite(key), TaskScheduler.Default);
                }
                else if (done.TryAdd(key, clock.Elapsed) && done.Count == refs.Count)
                {
                    queue.Writer.TryComplete();
                }
            }
        }, finished.Token)).ToList();
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromMinutes(5), ct);
        clock.Stop();

        var succeeded = 0;
        foreach (var shoot in refs)
        {
            var infra = await bed.GetAsync(shoot, ct);
            if (infra.Status?.LastOperation?.State == LastOperationState.Succeeded && infra.Status.NodesCidr is not null)
            {
                succeeded++;
            }
        }

        var latencies = done.Values.Order().ToList();
        string P(double q) => latencies.Count == 0 ? "-" : latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))].TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s";
        var firewalls = bed.Sim.AllocatedMachines().Count;
        return string.Create(CultureInfo.InvariantCulture, $"""
            bench-infrastructure: {shoots} shoots' Infrastructures reconciled to Succeeded through ExtensionReconciler + actuator
              against the Kubernetes API emulator (HTTPS) and the metal-api simulator, both in-process, no injected latency
              workers (concurrent reconciles): {workers}; simulated provisioning step: {provisioningStep.TotalMilliseconds} ms (phone home after 3 steps);
              firewall poll interval: {pollInterval.TotalSeconds} s
            setup (create namespaces, secrets, clusters, infrastructures): {setup.Elapsed.TotalSeconds:F2} s
            wall time until all Succeeded: {clock.Elapsed.TotalSeconds:F2} s  (target < 60 s: {(clock.Elapsed < TimeSpan.FromSeconds(60) && succeeded == shoots ? "MET" : "NOT MET")})
            succeeded: {succeeded}/{shoots}; reconcile runs: {reconciles}; errors: {errors}
            per-shoot time to Succeeded: p50 {P(0.5)}, p95 {P(0.95)}, max {P(1.0)}
            metal-api: allocateNetwork {bed.Sim.RequestCount("allocateNetwork")}, allocateFirewall {bed.Sim.RequestCount("allocateFirewall")}, findNetworks {bed.Sim.RequestCount("findNetworks")}, findFirewalls {bed.Sim.RequestCount("findFirewalls")}; allocated machines {firewalls}
            note: measured on a shared 2-core machine while other builds were running.

            """);
    }
}
