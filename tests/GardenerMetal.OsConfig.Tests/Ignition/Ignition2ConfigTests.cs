using System.Text;
using System.Text.Json;
using GardenerMetal.OsConfig.Ignition;
using GardenerMetal.Testing;

namespace GardenerMetal.OsConfig.Tests.Ignition;

/// <summary>The reusable Ignition 2.3.0 writer on its own: every field it offers, checked by flatcar's own v2 validator.</summary>
public sealed class Ignition2ConfigTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Build_EveryField_IgnitionValidateV2AcceptsAndJsonCarriesIt()
    {
        // Arrange
        IReadOnlyList<Ignition2File> files =
        [
            new("/etc/a.conf", Encoding.UTF8.GetBytes("x=<<MACHINE_NAME>> é\n")) { Mode = 0b110_100_000, Unencoded = true, UserId = 0, GroupId = 0 },
            new("/etc/motd", Encoding.UTF8.GetBytes("more\n")) { Append = true, UserId = 1000, GroupId = 1000 },
            new("/opt/bin/tool", new byte[] { 0, 1, 2, 255 }) { Mode = 0b111_101_101 },
        ];
        IReadOnlyList<Ignition2Unit> units =
        [
            new("a.service") { Enabled = true, Contents = "[Service]\nExecStart=/opt/bin/tool \"<x>\"\n", DropIns = [new("10-a.conf", "[Service]\nEnvironment=A=1\n")] },
            new("b.service") { Enabled = false },
            new("c.service") { Mask = true },
            new("d.service") { DropIns = [new("20-d.conf", "[Unit]\nAfter=a.service\n")] },
        ];

        // Act
        var json = Ignition2Config.Build(files, units);
        var (code, output) = await IgnitionValidateV2.RunAsync(json).WaitAsync(Timeout);

        // Assert
        Assert.True(code == 0, output);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("2.3.0", root.GetProperty("ignition").GetProperty("version").GetString());
        var f = root.GetProperty("storage").GetProperty("files");
        Assert.All(f.EnumerateArray(), e => Assert.Equal("root", e.GetProperty("filesystem").GetString()));
        Assert.Equal("data:,x=%3C%3CMACHINE_NAME%3E%3E%20%C3%A9%0A", f[0].GetProperty("contents").GetProperty("source").GetString());
        Assert.Equal(416, f[0].GetProperty("mode").GetInt32());
        Assert.True(f[0].GetProperty("overwrite").GetBoolean());
        Assert.True(f[1].GetProperty("append").GetBoolean());
        Assert.False(f[1].TryGetProperty("overwrite", out _)); // Ignition 2 forbids append together with overwrite
        Assert.Equal(1000, f[1].GetProperty("user").GetProperty("id").GetInt32());
        Assert.Equal(1000, f[1].GetProperty("group").GetProperty("id").GetInt32());
        Assert.Equal("data:;base64,AAEC/w==", f[2].GetProperty("contents").GetProperty("source").GetString());
        Assert.False(f[2].TryGetProperty("user", out _));
        var u = root.GetProperty("systemd").GetProperty("units");
        Assert.Equal("[Service]\nExecStart=/opt/bin/tool \"<x>\"\n", u[0].GetProperty("contents").GetString());
        Assert.Equal("10-a.conf", u[0].GetProperty("dropins")[0].GetProperty("name").GetString());
        Assert.False(u[1].GetProperty("enabled").GetBoolean());
        Assert.True(u[2].GetProperty("mask").GetBoolean());
        Assert.False(u[3].TryGetProperty("enabled", out _));
        Assert.DoesNotContain("<", Encoding.UTF8.GetString(json), StringComparison.Ordinal); // no plain placeholder can hide in a JSON string
    }

    [Fact]
    public async Task Build_NothingToWrite_MinimalConfigAccepted()
    {
        // Act
        var json = Ignition2Config.Build([], []);
        var (code, output) = await IgnitionValidateV2.RunAsync(json).WaitAsync(Timeout);

        // Assert
        Assert.Equal("{\"ignition\":{\"version\":\"2.3.0\"}}", Encoding.UTF8.GetString(json));
        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task IgnitionValidateV2_Spec3Config_Rejected()
    {
        // Arrange: the validator is what a metal machine runs; a 3.x config must fail there, so a pass is meaningful
        var spec3 = Encoding.UTF8.GetBytes("{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"files\":[{\"path\":\"/etc/a\",\"contents\":{\"source\":\"data:,a\"},\"mode\":420}]}}");

        // Act
        var (code, output) = await IgnitionValidateV2.RunAsync(spec3).WaitAsync(Timeout);

        // Assert
        Assert.NotEqual(0, code);
        Assert.Contains("unsupported config version", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("etc/a", 420, "x.service", "files[0].path")]
    [InlineData("/etc/a", 4096, "x.service", "files[0].mode")]
    [InlineData("/etc/a", -1, "x.service", "files[0].mode")]
    [InlineData("/etc/a", 420, "", "units[0].name")]
    public void Build_BadEntry_ArgumentExceptionNamingTheField(string path, int mode, string unit, string field)
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => Ignition2Config.Build([new(path, new byte[] { 1 }) { Mode = mode }], [new(unit)]));

        // Assert
        Assert.StartsWith(field, error.Message, StringComparison.Ordinal);
    }
}
