using System.Globalization;
using BenchmarkDotNet.Running;
using GardenerMetal.OsConfig.Benchmarks;
using GardenerMetal.OsConfig.Translation;

// Runs the benchmarks, then prints the figures the issue asks for: OSCs/s on one core and allocation / output size.
var summaries = BenchmarkSwitcher.FromAssembly(typeof(OscTranslationBenchmarks).Assembly).Run(args);
var (spec, secrets) = TypicalProvisionOsc.Create();
foreach (var summary in summaries)
{
    foreach (var report in summary.Reports)
    {
        if (report.ResultStatistics is null)
        {
            continue;
        }

        var method = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
        var format = method == "Ignition" ? UserDataFormat.Ignition : UserDataFormat.CloudInit;
        var outputBytes = new OscTranslator().Translate(spec, secrets, format).UserData!.Length;
        var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
        var perSecond = 1e9 / report.ResultStatistics.Mean;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"FIGURE {method}: {perSecond:F0} OSCs/s on one core (mean {report.ResultStatistics.Mean / 1000:F1} us); output {outputBytes} B, allocated {allocated} B/op = {(double)allocated / outputBytes:F2}x output (target >= 5000/s, <= 3x)"));
    }
}
