using System.Text;
using GardenerMetal.OsConfig.Translation;
using GardenerMetal.Testing;

namespace GardenerMetal.OsConfig.Tests;

/// <summary>
/// MCM (machinecontroller/userdata.go) replaces &lt;&lt;BOOTSTRAP_TOKEN&gt;&gt; / &lt;&lt;MACHINE_NAME&gt;&gt; with strings.ReplaceAll on the
/// plain form if it occurs anywhere, else on the url.QueryEscape form (<see cref="McmSubstitution"/>). The node must get the values,
/// and the substituted Ignition must still be what a metal machine accepts.
/// </summary>
public sealed class McmPlaceholderTests
{
    public static TheoryData<UserDataFormat, IgnitionVersion?> Formats => new()
    {
        { UserDataFormat.Ignition, null },
        { UserDataFormat.Ignition, IgnitionVersion.Spec330 },
        { UserDataFormat.CloudInit, null },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void McmReplacement_NodeInitUserData_EveryPlaceholderReplaced(UserDataFormat format, IgnitionVersion? version)
    {
        // Arrange
        var doc = GoldenCase.Input("node-init");
        var userData = new OscTranslator().Translate(doc.Config.Spec!, doc.Secrets, format, version).UserData!;

        // Act
        var replaced = McmSubstitution.Apply(userData);

        // Assert
        var node = format == UserDataFormat.CloudInit
            ? DecodedUserData.FromCloudInit(replaced)
            : DecodedUserData.FromIgnition(replaced, IgnitionVersions.Name(version ?? IgnitionVersions.Default));
        Assert.Equal(McmSubstitution.Token, Encoding.UTF8.GetString(node.Files["/var/lib/gardener-node-agent/credentials/bootstrap-token"].Content));
        Assert.Equal(McmSubstitution.MachineName, Encoding.UTF8.GetString(node.Files["/var/lib/gardener-node-agent/machine-name"].Content));
        Assert.Contains($"NODE_NAME={McmSubstitution.MachineName}", Encoding.UTF8.GetString(node.Files["/etc/systemd/system/containerd.service.d/50-node-name.conf"].Content), StringComparison.Ordinal);
        Assert.DoesNotContain("BOOTSTRAP_TOKEN", Encoding.UTF8.GetString(replaced), StringComparison.Ordinal);
        Assert.DoesNotContain("MACHINE_NAME", Encoding.UTF8.GetString(replaced), StringComparison.Ordinal);
    }

    [Fact]
    public async Task McmReplacement_NodeInitIgnition_StillAcceptedByIgnitionValidateV2()
    {
        // Arrange
        var doc = GoldenCase.Input("node-init");
        var userData = new OscTranslator().Translate(doc.Config.Spec!, doc.Secrets, UserDataFormat.Ignition).UserData!;

        // Act
        var before = await IgnitionValidateV2.RunAsync(userData).WaitAsync(TimeSpan.FromSeconds(60));
        var after = await IgnitionValidateV2.RunAsync(McmSubstitution.Apply(userData)).WaitAsync(TimeSpan.FromSeconds(60));

        // Assert
        Assert.True(before.ExitCode == 0, before.Output);
        Assert.True(after.ExitCode == 0, after.Output);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(IgnitionVersion.Spec330)]
    public void Translate_Ignition_PlaceholdersOnlyInUrlEscapedForm(IgnitionVersion? version)
    {
        // Arrange
        var doc = GoldenCase.Input("node-init");

        // Act
        var userData = Encoding.UTF8.GetString(new OscTranslator().Translate(doc.Config.Spec!, doc.Secrets, UserDataFormat.Ignition, version).UserData!);

        // Assert: a single plain occurrence would make MCM skip all escaped ones.
        Assert.DoesNotContain("<<", userData, StringComparison.Ordinal);
        Assert.Contains("%3C%3CBOOTSTRAP_TOKEN%3E%3E", userData, StringComparison.Ordinal);
        Assert.Contains("%3C%3CMACHINE_NAME%3E%3E", userData, StringComparison.Ordinal);
    }
}
