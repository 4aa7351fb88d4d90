using System.Text;
using GardenerMetal.OsConfig.Translation;

namespace GardenerMetal.OsConfig.Tests;

public sealed class OscTranslatorGoldenTests
{
    public static TheoryData<string> Cases => new(GoldenCase.Names);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Translate_GoldenCase_MatchesExpectedFilesByteForByte(string name)
    {
        // Arrange
        var update = Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

        // Act
        var outputs = GoldenCase.Render(name);

        // Assert
        foreach (var (file, actual) in outputs)
        {
            if (update)
            {
                File.WriteAllBytes(Path.Combine(RepoPaths.SourceTestData, name, file), actual);
                continue;
            }

            var expectedPath = Path.Combine(GoldenCase.Dir(name), file);
            Assert.True(File.Exists(expectedPath), $"missing golden file {name}/{file}; run the tests with UPDATE_GOLDEN=1");
            Assert.Equal(Encoding.UTF8.GetString(File.ReadAllBytes(expectedPath)), Encoding.UTF8.GetString(actual));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Translate_SameInputTwice_ByteIdenticalOutput(string name)
    {
        // Arrange / Act: a fresh parse and a fresh translator each time
        var first = GoldenCase.Render(name);
        var second = GoldenCase.Render(name);

        // Assert
        Assert.Equal(first.Keys, second.Keys);
        foreach (var key in first.Keys)
        {
            Assert.Equal(first[key], second[key]);
        }
    }

    [Fact]
    public async Task GoldenIgnition_AllFiles_PassIgnitionValidateV2BeforeAndAfterMcmSubstitution()
    {
        // Arrange: every golden spec-2.3.0 file, and each of them after MCM's placeholder replacement
        var files = GoldenCase.ExpectedFiles("ignition.json").ToList();
        Assert.Equal(3, files.Count);
        var dir = Directory.CreateTempSubdirectory("osc-golden-mcm-");
        var substituted = new List<string>();
        foreach (var file in files)
        {
            var target = Path.Combine(dir.FullName, Path.GetFileName(Path.GetDirectoryName(file)) + ".ign");
            await File.WriteAllBytesAsync(target, McmSubstitution.Apply(await File.ReadAllBytesAsync(file).WaitAsync(TimeSpan.FromSeconds(10)))).WaitAsync(TimeSpan.FromSeconds(10));
            substituted.Add(target);
        }

        // Act
        var failures = await ExternalValidators.IgnitionValidateV2Async([.. files, .. substituted]).WaitAsync(TimeSpan.FromSeconds(120));

        // Assert
        Assert.Empty(failures);
        dir.Delete(recursive: true);
    }

    [Fact]
    public async Task GoldenIgnition330_AllFiles_RejectedByIgnitionValidateV2AndAcceptedByDebianValidator()
    {
        // Arrange: the explicit 3.x choice — valid spec 3.3.0, and exactly what a metal machine refuses, so the v2 check cannot pass vacuously
        var files = GoldenCase.ExpectedFiles("ignition-3.3.0.json").ToList();
        Assert.Equal(3, files.Count);

        // Act
        var v3Failures = await ExternalValidators.IgnitionValidateV3Async(files).WaitAsync(TimeSpan.FromSeconds(60));
        var v2Failures = await ExternalValidators.IgnitionValidateV2Async(files).WaitAsync(TimeSpan.FromSeconds(60));

        // Assert
        Assert.Empty(v3Failures);
        Assert.Equal(files.Count, v2Failures.Count);
        Assert.All(v2Failures, f => Assert.Contains("unsupported config version", f, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GoldenCloudInit_AllFiles_PassCloudInitSchema()
    {
        // Arrange
        var files = GoldenCase.ExpectedFiles("cloud-init.yaml").ToList();
        Assert.NotEmpty(files);

        // Act
        var failures = await ExternalValidators.CloudInitSchemaAsync(files).WaitAsync(TimeSpan.FromSeconds(60));

        // Assert
        Assert.Empty(failures);
    }

    [Fact]
    public void Translate_ExampleOsc_HonoursEnableCommandAndDropIns()
    {
        // Arrange
        var doc = GoldenCase.Input("example");

        // Act
        var result = new OscTranslator().Translate(doc.Config.Spec!, doc.Secrets);
        var ignition = DecodedUserData.FromIgnition(result.UserData!);
        var cloudInit = DecodedUserData.FromCloudInit(new OscTranslator().Translate(doc.Config.Spec!, doc.Secrets, UserDataFormat.CloudInit).UserData!);

        // Assert: spec.type metal → Ignition 2.3.0 by default; docker.service has only a drop-in and no enable (upstream enabled every unit); docker-monitor is enabled and started.
        Assert.Equal(IgnitionVersion.Spec230, result.IgnitionVersion);
        Assert.Null(ignition.Enabled["docker.service"]);
        Assert.True(ignition.Enabled["docker-monitor.service"]);
        Assert.Contains("/etc/systemd/system/docker.service.d/10-docker-opts.conf", ignition.Files.Keys);
        Assert.DoesNotContain("/etc/systemd/system/docker.service", ignition.Files.Keys);
        Assert.Equal(420, ignition.Files["/var/lib/kubelet/ca.crt"].Mode);
        Assert.Equal(["systemctl daemon-reload", "systemctl enable docker-monitor.service", "systemctl start docker-monitor.service"], cloudInit.Commands);
        Assert.Equal("Hello World\n", Encoding.UTF8.GetString(cloudInit.Files["/var/lib/kubelet/ca.crt"].Content));
    }
}
