using System.Globalization;
using GardenerMetal.Provider.Benchmarks;

var shoots = 200;
var workers = 5;
var step = TimeSpan.FromSeconds(1);
var poll = TimeSpan.FromSeconds(10);
string? output = null;
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--shoots": shoots = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--workers": workers = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--step-ms": step = TimeSpan.FromMilliseconds(int.Parse(Next(), CultureInfo.InvariantCulture)); break;
        case "--poll-ms": poll = TimeSpan.FromMilliseconds(int.Parse(Next(), CultureInfo.InvariantCulture)); break;
        case "--out": output = Next(); break;
        default: throw new ArgumentException($"unknown argument '{args[i]}' (known: --shoots, --workers, --step-ms, --poll-ms, --out)");
    }
}

if (shoots < 1 || shoots > 240 || workers < 1)
{
    throw new ArgumentException("--shoots must be 1..240 (the simulated internet network has 254 addresses) and --workers at least 1");
}

using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(10));
var report = await InfrastructureLoad.RunAsync(shoots, workers, step, poll, cts.Token);
Console.Write(report);
if (output is not null)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    await File.WriteAllTextAsync(output, report, cts.Token);
}
