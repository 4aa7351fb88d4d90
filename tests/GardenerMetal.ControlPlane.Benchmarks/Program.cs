using System.Globalization;
using GardenerMetal.ControlPlane.Benchmarks;

var warmup = TimeSpan.FromSeconds(2);
var duration = TimeSpan.FromSeconds(5);
string? output = null;
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--seconds": duration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
        case "--warmup-seconds": warmup = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
        case "--out": output = Next(); break;
        default: throw new ArgumentException($"unknown argument '{args[i]}' (known: --seconds, --warmup-seconds, --out)");
    }
}

var report = RenderBenchmark.Run(warmup, duration);
Console.Write(report);
if (output is not null)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    await File.WriteAllTextAsync(output, report);
}
