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
    public async Task GoldenIgnition_AllFiles_PassIgnitionValidate()
    {
        // Arrange
        var files = GoldenCase.ExpectedFiles("ignition.json").ToList();
        Assert.NotEmpty(files);

        // Act
        var failures = await ExternalValidators.IgnitionValidateAsync(files).WaitAsync(TimeSpan.FromSeconds(60));

        // Assert
        Assert.Empty(failures);
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
        var ignition = DecodedUserData.FromIgnition(new OscTranslator().Translate(doc.Config.Spec!, doc.Secrets).UserData!);
        var cloudInit = DecodedUserData.FromCloudInit(new OscTranslator().Translate(doc.Config.Spec!, doc.Secrets, UserDataFormat.CloudInit).UserData!);

        // Assert: docker.service has only a drop-in and no enable (upstream enabled every unit); docker-monitor is enabled and started.
        Assert.Null(ignition.Enabled["docker.service"]);
        Assert.True(ignition.Enabled["docker-monitor.service"]);
        Assert.Contains("/etc/systemd/system/docker.service.d/10-docker-opts.conf", ignition.Files.Keys);
        Assert.DoesNotContain("/etc/systemd/system/docker.service", ignition.Files.Keys);
        Assert.Equal(420, ignition.Files["/var/lib/kubelet/ca.crt"].Mode);
        Assert.Equal(["systemctl daemon-reload", "systemctl enable docker-monitor.service", "systemctl start docker-monitor.service"], cloudInit.Commands);
        Assert.Equal("Hello World\n", Encoding.UTF8.GetString(cloudInit.Files["/var/lib/kubelet/ca.crt"].Content));
    }
}
