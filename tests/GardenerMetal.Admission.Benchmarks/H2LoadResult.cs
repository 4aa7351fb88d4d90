using System.Globalization;
using System.Text.RegularExpressions;

namespace GardenerMetal.Admission.Benchmarks;

/// <summary>Throughput from h2load's summary and latency percentiles from its per-request log.</summary>
internal sealed partial record H2LoadResult(double RequestsPerSecond, long Succeeded, long Failed, double P50Ms, double P99Ms, double MaxMs)
{
    [GeneratedRegex(@"finished in [\d.]+\w+, ([\d.]+) req/s", RegexOptions.CultureInvariant)]
    private static partial Regex Throughput();

    [GeneratedRegex(@"requests: \d+ total, \d+ started, \d+ done, (\d+) succeeded, (\d+) failed", RegexOptions.CultureInvariant)]
    private static partial Regex Counts();

    public static H2LoadResult Parse(string output, string logFile)
    {
        var rps = Throughput().Match(output);
        var counts = Counts().Match(output);
        if (!rps.Success || !counts.Success)
        {
            throw new InvalidOperationException("Cannot parse h2load output:\n" + output);
        }

        // Log lines: start time (µs since start), status code, duration (µs).
        var durations = File.ReadLines(logFile)
            .Select(l => l.Split('\t'))
            .Where(p => p.Length >= 3 && p[1] == "200")
            .Select(p => double.Parse(p[2], CultureInfo.InvariantCulture) / 1000.0)
            .Order()
            .ToArray();
        if (durations.Length == 0)
        {
            throw new InvalidOperationException("h2load logged no successful request:\n" + output);
        }

        double Percentile(double p) => durations[Math.Min(durations.Length - 1, (int)Math.Ceiling(p * durations.Length) - 1)];
        return new H2LoadResult(
            double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(counts.Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(counts.Groups[2].Value, CultureInfo.InvariantCulture),
            Percentile(0.50), Percentile(0.99), durations[^1]);
    }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "{0,10:F0} req/s  p50 {1,6:F2} ms  p99 {2,6:F2} ms  max {3,7:F2} ms  ok {4}  failed {5}", RequestsPerSecond, P50Ms, P99Ms, MaxMs, Succeeded, Failed);
}
