using System.Globalization;
using BenchmarkDotNet.Running;
using GardenerMetal.OsConfig.Benchmarks;
using GardenerMetal.OsConfig.Translation;

if (args is ["--loop", var count])
{
    // Quick single-thread loop without BenchmarkDotNet: µs per OSC for both formats.
    var (loopSpec, loopSecrets) = TypicalProvisionOsc.Create();
    var translator = new OscTranslator();
    foreach (var fmt in new[] { UserDataFormat.Ignition, UserDataFormat.CloudInit, UserDataFormat.Ignition, UserDataFormat.CloudInit })
    {
        for (var w = 0; w < 200; w++)
        {
            translator.Translate(loopSpec, loopSecrets, fmt);
        }

        var n = int.Parse(count, CultureInfo.InvariantCulture);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            translator.Translate(loopSpec, loopSecrets, fmt);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{fmt}: {sw.Elapsed.TotalMicroseconds / n:F1} us/op wall, {(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / n:F1} us/op CPU, {(GC.GetAllocatedBytesForCurrentThread() - before) / n} B/op"));
    }

    return;
}

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
