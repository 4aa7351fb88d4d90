using BenchmarkDotNet.Attributes;
using GardenerMetal.OsConfig.Model;
using GardenerMetal.OsConfig.Translation;

namespace GardenerMetal.OsConfig.Benchmarks;

/// <summary>Translation of a typical provision OSC (30 files, 10 units) to each format, single-threaded: Ignition spec 2.3.0 (the default),
/// the explicit 3.3.0 choice and cloud-init.</summary>
[MemoryDiagnoser]
public class OscTranslationBenchmarks
{
    private readonly OscTranslator translator = new();
    private OperatingSystemConfigSpec spec = null!;
    private IOscSecretSource secrets = null!;

    [GlobalSetup]
    public void Setup() => (spec, secrets) = TypicalProvisionOsc.Create();

    [Benchmark]
    public byte[] Ignition() => translator.Translate(spec, secrets, UserDataFormat.Ignition).UserData!;

    [Benchmark]
    public byte[] Ignition330() => translator.Translate(spec, secrets, UserDataFormat.Ignition, IgnitionVersion.Spec330).UserData!;

    [Benchmark]
    public byte[] CloudInit() => translator.Translate(spec, secrets, UserDataFormat.CloudInit).UserData!;
}
