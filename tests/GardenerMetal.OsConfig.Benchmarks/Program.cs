using System.Globalization;
using BenchmarkDotNet.Running;
using GardenerMetal.OsConfig.Benchmarks;
using GardenerMetal.OsConfig.Translation;

if (args is ["--loop", var count])
{
    // Quick single-thread loop without BenchmarkDotNet: µs per OSC for both formats.
    var (loopSpec, loopSecrets) = TypicalProvisionOsc.Create();
    var translator = new OscTranslator();
    var cases = new (string Name, UserDataFormat Format, IgnitionVersion? Version)[]
    {
        ("Ignition 2.3.0", UserDataFormat.Ignition, null), ("Ignition 3.3.0", UserDataFormat.Ignition, IgnitionVersion.Spec330), ("CloudInit", UserDataFormat.CloudInit, null),
    };
    foreach (var (name, fmt, version) in cases.Concat(cases))
    {
        for (var w = 0; w < 200; w++)
        {
            translator.Translate(loopSpec, loopSecrets, fmt, version);
        }

        var n = int.Parse(count, CultureInfo.InvariantCulture);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            translator.Translate(loopSpec, loopSecrets, fmt, version);
        }

        var cpuUs = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / n;
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / n;
        var output = translator.Translate(loopSpec, loopSecrets, fmt, version).UserData!.Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {sw.Elapsed.TotalMicroseconds / n:F1} us/op wall, {cpuUs:F1} us/op CPU (= {1e6 / cpuUs:F0} OSCs/s per core), {allocated} B/op, output {output} B = {(double)allocated / output:F2}x output"));
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
        var format = method.StartsWith("Ignition", StringComparison.Ordinal) ? UserDataFormat.Ignition : UserDataFormat.CloudInit;
        IgnitionVersion? version = method == "Ignition330" ? IgnitionVersion.Spec330 : null;
        var outputBytes = new OscTranslator().Translate(spec, secrets, format, version).UserData!.Length;
        var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
        var perSecond = 1e9 / report.ResultStatistics.Mean;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"FIGURE {method}: {perSecond:F0} OSCs/s on one core (mean {report.ResultStatistics.Mean / 1000:F1} us); output {outputBytes} B, allocated {allocated} B/op = {(double)allocated / outputBytes:F2}x output (target >= 5000/s, <= 3x)"));
    }
}
