using System.Diagnostics;
using System.Globalization;
using System.Text;
using GardenerMetal.Provider.Controllers.ControlPlane;

namespace GardenerMetal.ControlPlane.Benchmarks;

/// <summary>Renders and encodes one shoot's three ManagedResources in a loop on the calling thread.</summary>
internal static class RenderBenchmark
{
    public static string Run(TimeSpan warmup, TimeSpan duration)
    {
        var values = new ControlPlaneValues
        {
            Namespace = "shoot--bench--s1",
            ClusterId = "5b2a3c4d-0000-4000-8000-00000000c0de",
            ProjectId = "8b2f6c1a-4d3e-4a5b-9c7d-0e1f2a3b4c5d",
            PartitionId = "fra-equ01",
            NetworkId = "0d9a1c4e-node-network",
            DefaultExternalNetworkId = "internet",
            AdditionalNetworks = ["internet", "mpls"],
            SshPublicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBenchKey bench@test",
            MetalApiUrl = "https://metal.example.invalid/metal",
            GenericKubeconfigSecretName = "generic-token-kubeconfig-92e9ae14",
            ServerCertSecretName = ControlPlaneSecrets.CcmServerName,
            ServerCertChecksum = "0123456789abcdef",
            NodeCidr = "10.128.4.0/22",
            ApiServerIps = ["203.0.113.10"],
            Images = ImageVector.Load(null),
        };

        Loop(values, warmup, out _, out _);
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var latencies = Loop(values, duration, out var count, out var elapsed);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        latencies.Sort();
        var perSecond = count / elapsed.TotalSeconds;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"controlplane render (3 ManagedResources, render + encode), 1 thread, {Environment.ProcessorCount} logical CPUs visible");
        text.AppendLine(CultureInfo.InvariantCulture, $"renders:        {count} in {elapsed.TotalSeconds:F2} s");
        text.AppendLine(CultureInfo.InvariantCulture, $"renders/s:      {perSecond:F0} (target >= 1000)");
        text.AppendLine(CultureInfo.InvariantCulture, $"latency p50:    {Percentile(latencies, 0.50):F3} ms");
        text.AppendLine(CultureInfo.InvariantCulture, $"latency p99:    {Percentile(latencies, 0.99):F3} ms");
        text.AppendLine(CultureInfo.InvariantCulture, $"allocated/op:   {allocated / Math.Max(count, 1) / 1024.0:F1} KiB");
        text.AppendLine(CultureInfo.InvariantCulture, $"process CPU:    {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F2} s");
        return text.ToString();
    }

    private static List<double> Loop(ControlPlaneValues values, TimeSpan duration, out long count, out TimeSpan elapsed)
    {
        var latencies = new List<double>(1 << 16);
        var total = Stopwatch.StartNew();
        count = 0;
        var sink = 0;
        while (total.Elapsed < duration)
        {
            var start = Stopwatch.GetTimestamp();
            foreach (var resource in ControlPlaneRenderer.Render(values))
            {
                sink += ManagedResourceEncoder.Encode(resource).Count;
            }

            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            count++;
        }

        elapsed = total.Elapsed;
        GC.KeepAlive(sink);
        return latencies;
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
