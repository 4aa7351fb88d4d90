using System.Text;
using FsCheck;
using FsCheck.Fluent;
using GardenerMetal.OsConfig.Translation;

namespace GardenerMetal.OsConfig.Tests;

public sealed class OscTranslatorPropertyTests
{
    private const int IgnitionBatch = 80;
    private const int CloudInitBatch = 16; // cloud-init schema is a slow Python start per file

    [Fact]
    public void Translate_RandomValidOsc_NodeGetsExactlyTheSpecifiedFilesAndUnitStates()
    {
        Prop.ForAll(OscGenerators.Osc.ToArbitrary(), osc =>
        {
            var translator = new OscTranslator();
            foreach (var format in new[] { UserDataFormat.Ignition, UserDataFormat.CloudInit })
            {
                var userData = translator.Translate(osc.Spec, osc.Secrets, format).UserData!;
                var node = format == UserDataFormat.Ignition ? DecodedUserData.FromIgnition(userData) : DecodedUserData.FromCloudInit(userData);
                AssertSameFiles(Expected(osc), node, format);
                foreach (var unit in osc.Spec.Units!)
                {
                    Assert.Equal(ExpectedEnabled(unit, format), node.Enabled.GetValueOrDefault(unit.Name!));
                }

                Assert.Equal(userData, translator.Translate(osc.Spec, osc.Secrets, format).UserData);
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(250).WithEndSize(40));
    }

    [Fact]
    public async Task Translate_RandomValidOscs_IgnitionValidateAcceptsAll()
    {
        // Arrange
        var dir = Directory.CreateTempSubdirectory("osc-prop-ign-");
        var samples = OscGenerators.Osc.Sample(30, IgnitionBatch);
        var files = new List<string>();
        for (var i = 0; i < samples.Length; i++)
        {
            var path = Path.Combine(dir.FullName, $"{i}.ign");
            await File.WriteAllBytesAsync(path, new OscTranslator().Translate(samples[i].Spec, samples[i].Secrets, UserDataFormat.Ignition).UserData!).WaitAsync(TimeSpan.FromSeconds(10));
            files.Add(path);
        }

        // Act: one shell invocation for the whole batch
        var failures = await ExternalValidators.IgnitionValidateAsync(files).WaitAsync(TimeSpan.FromSeconds(90));

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
            if (int.TryParse(name.Replace(extension, string.Empty, StringComparison.Ordinal), out var index))
            {
                sb.AppendLine("input: " + samples[index]);
            }
        }

        return sb.ToString();
    }
}
