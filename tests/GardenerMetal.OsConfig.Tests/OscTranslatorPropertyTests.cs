using System.Text;
using FsCheck;
using FsCheck.Fluent;
using GardenerMetal.OsConfig.Translation;

namespace GardenerMetal.OsConfig.Tests;

public sealed class OscTranslatorPropertyTests
{
    private const int IgnitionBatch = 80;
    private const int Ignition330Batch = 24;
    private const int CloudInitBatch = 16; // cloud-init schema is a slow Python start per file

    [Fact]
    public void Translate_RandomValidOsc_NodeGetsExactlyTheSpecifiedFilesAndUnitStates()
    {
        var outputs = new (UserDataFormat Format, IgnitionVersion? Version)[] { (UserDataFormat.Ignition, null), (UserDataFormat.Ignition, IgnitionVersion.Spec330), (UserDataFormat.CloudInit, null) };
        Prop.ForAll(OscGenerators.Osc.ToArbitrary(), osc =>
        {
            var translator = new OscTranslator();
            foreach (var (format, version) in outputs)
            {
                var userData = translator.Translate(osc.Spec, osc.Secrets, format, version).UserData!;
                var node = Decode(userData, format, version);
                AssertSameFiles(Expected(osc), node, format);
                foreach (var unit in osc.Spec.Units!)
                {
                    Assert.Equal(ExpectedEnabled(unit, format), node.Enabled.GetValueOrDefault(unit.Name!));
                }

                Assert.Equal(userData, translator.Translate(osc.Spec, osc.Secrets, format, version).UserData);
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(250).WithEndSize(40));
    }

    [Fact]
    public void McmReplacement_RandomValidOsc_NodeGetsThePlaceholderValuesEverywhere()
    {
        Prop.ForAll(OscGenerators.Osc.ToArbitrary(), osc =>
        {
            foreach (var format in new[] { UserDataFormat.Ignition, UserDataFormat.CloudInit })
            {
                var node = Decode(McmSubstitution.Apply(new OscTranslator().Translate(osc.Spec, osc.Secrets, format).UserData!), format, null);
                var expected = Expected(osc).ToDictionary(e => e.Key, e => (e.Value.Mode, McmSubstitution.Expected(e.Value.Content)), StringComparer.Ordinal);
                AssertSameFiles(expected, node, format);
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(150).WithEndSize(40));
    }

    [Fact]
    public async Task Translate_RandomValidOscs_IgnitionValidateV2AcceptsAllBeforeAndAfterMcmSubstitution()
    {
        // Arrange: default output (spec 2.3.0), as rendered and as MCM hands it to the machine
        var dir = Directory.CreateTempSubdirectory("osc-prop-ign-");
        var samples = OscGenerators.Osc.Sample(30, IgnitionBatch);
        var files = new List<string>();
        for (var i = 0; i < samples.Length; i++)
        {
            var userData = new OscTranslator().Translate(samples[i].Spec, samples[i].Secrets, UserDataFormat.Ignition).UserData!;
            var path = Path.Combine(dir.FullName, $"{i}.ign");
            await File.WriteAllBytesAsync(path, userData).WaitAsync(TimeSpan.FromSeconds(10));
            var substituted = Path.Combine(dir.FullName, $"{i}.mcm.ign");
            await File.WriteAllBytesAsync(substituted, McmSubstitution.Apply(userData)).WaitAsync(TimeSpan.FromSeconds(10));
            files.Add(path);
            files.Add(substituted);
        }

        // Act
        var failures = await ExternalValidators.IgnitionValidateV2Async(files).WaitAsync(TimeSpan.FromSeconds(180));

        // Assert
        Assert.True(failures.Count == 0, Report(failures, samples, ".ign"));
        dir.Delete(recursive: true);
    }

    [Fact]
    public async Task Translate_RandomValidOscsWithIgnition330_DebianIgnitionValidateAcceptsAll()
    {
        // Arrange: the explicit 3.x choice stays valid spec 3.3.0
        var dir = Directory.CreateTempSubdirectory("osc-prop-ign3-");
        var samples = OscGenerators.Osc.Sample(30, Ignition330Batch);
        var files = new List<string>();
        for (var i = 0; i < samples.Length; i++)
        {
            var path = Path.Combine(dir.FullName, $"{i}.ign");
            await File.WriteAllBytesAsync(path, new OscTranslator().Translate(samples[i].Spec, samples[i].Secrets, UserDataFormat.Ignition, IgnitionVersion.Spec330).UserData!).WaitAsync(TimeSpan.FromSeconds(10));
            files.Add(path);
        }

        // Act: one shell invocation for the whole batch
        var failures = await ExternalValidators.IgnitionValidateV3Async(files).WaitAsync(TimeSpan.FromSeconds(90));

        // Assert
        Assert.True(failures.Count == 0, Report(failures, samples, ".ign"));
        dir.Delete(recursive: true);
    }

    [Fact]
    public async Task Translate_RandomValidOscs_CloudInitSchemaAcceptsAll()
    {
        // Arrange
        var dir = Directory.CreateTempSubdirectory("osc-prop-ci-");
        var samples = OscGenerators.Osc.Sample(30, CloudInitBatch);
        var files = new List<string>();
        for (var i = 0; i < samples.Length; i++)
        {
            var path = Path.Combine(dir.FullName, $"{i}.yaml");
            await File.WriteAllBytesAsync(path, new OscTranslator().Translate(samples[i].Spec, samples[i].Secrets, UserDataFormat.CloudInit).UserData!).WaitAsync(TimeSpan.FromSeconds(10));
            files.Add(path);
        }

        // Act
        var failures = await ExternalValidators.CloudInitSchemaAsync(files).WaitAsync(TimeSpan.FromSeconds(90));

        // Assert
        Assert.True(failures.Count == 0, Report(failures, samples, ".yaml"));
        dir.Delete(recursive: true);
    }

    private static DecodedUserData Decode(byte[] userData, UserDataFormat format, IgnitionVersion? version) =>
        format == UserDataFormat.CloudInit
            ? DecodedUserData.FromCloudInit(userData)
            : DecodedUserData.FromIgnition(userData, IgnitionVersions.Name(version ?? IgnitionVersions.Default));

    private static Dictionary<string, (int Mode, byte[] Content)> Expected(GeneratedOsc osc)
    {
        var expected = new Dictionary<string, (int, byte[])>(StringComparer.Ordinal);
        foreach (var file in osc.Spec.Files!)
        {
            expected[file.Path!] = (file.Permissions ?? 420, osc.FileBytes[file.Path!]);
        }

        foreach (var unit in osc.Spec.Units!)
        {
            if (unit.Content is not null)
            {
                expected["/etc/systemd/system/" + unit.Name] = (420, Encoding.UTF8.GetBytes(unit.Content));
            }

            foreach (var d in unit.DropIns!)
            {
                expected[$"/etc/systemd/system/{unit.Name}.d/{d.Name}"] = (420, Encoding.UTF8.GetBytes(d.Content!));
            }
        }

        return expected;
    }

    private static bool? ExpectedEnabled(Model.Unit unit, UserDataFormat format) =>
        format == UserDataFormat.CloudInit
            ? unit.Enable
            : unit.Enable ?? unit.Command switch { "start" or "restart" => true, "stop" => false, _ => null };

    private static void AssertSameFiles(Dictionary<string, (int Mode, byte[] Content)> expected, DecodedUserData node, UserDataFormat format)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), node.Files.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, (mode, content)) in expected)
        {
            Assert.True(mode == node.Files[path].Mode, $"{format} {path}: mode {node.Files[path].Mode} != {mode}");
            Assert.True(content.AsSpan().SequenceEqual(node.Files[path].Content), $"{format} {path}: content differs");
        }
    }

    private static string Report(IReadOnlyList<string> failures, GeneratedOsc[] samples, string extension)
    {
        var sb = new StringBuilder();
        foreach (var failure in failures.Take(3))
        {
            sb.AppendLine(failure);
            var name = Path.GetFileName(failure.Split('\n')[0]);
            if (int.TryParse(name.Replace(extension, string.Empty, StringComparison.Ordinal).Replace(".mcm", string.Empty, StringComparison.Ordinal), out var index))
            {
                sb.AppendLine("input: " + samples[index]);
            }
        }

        return sb.ToString();
    }
}
