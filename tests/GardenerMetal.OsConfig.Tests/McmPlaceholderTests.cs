using System.Text;
using GardenerMetal.OsConfig.Translation;

namespace GardenerMetal.OsConfig.Tests;

/// <summary>
/// MCM (machinecontroller/userdata.go) replaces &lt;&lt;BOOTSTRAP_TOKEN&gt;&gt; / &lt;&lt;MACHINE_NAME&gt;&gt; with strings.ReplaceAll on the
/// plain form if it occurs anywhere, else on the url.QueryEscape form. This simulates exactly that and checks the node gets the values.
/// </summary>
public sealed class McmPlaceholderTests
{
    private const string Token = "abc123.0123456789abcdef";
    private const string MachineName = "shoot--garden--local-worker-a-5d8f-x7k2p";

    [Theory]
    [InlineData(UserDataFormat.Ignition)]
    [InlineData(UserDataFormat.CloudInit)]
    public void McmReplacement_NodeInitUserData_EveryPlaceholderReplaced(UserDataFormat format)
    {
        // Arrange
        var doc = GoldenCase.Input("node-init");
        var userData = Encoding.UTF8.GetString(new OscTranslator().Translate(doc.Config.Spec!, doc.Secrets, format).UserData!);

        // Act
        var replaced = Encoding.UTF8.GetBytes(McmReplace(McmReplace(userData, "<<BOOTSTRAP_TOKEN>>", Token), "<<MACHINE_NAME>>", MachineName));

        // Assert
        var node = format == UserDataFormat.Ignition ? DecodedUserData.FromIgnition(replaced) : DecodedUserData.FromCloudInit(replaced);
        Assert.Equal(Token, Encoding.UTF8.GetString(node.Files["/var/lib/gardener-node-agent/credentials/bootstrap-token"].Content));
        Assert.Equal(MachineName, Encoding.UTF8.GetString(node.Files["/var/lib/gardener-node-agent/machine-name"].Content));
        Assert.Contains($"NODE_NAME={MachineName}", Encoding.UTF8.GetString(node.Files["/etc/systemd/system/containerd.service.d/50-node-name.conf"].Content), StringComparison.Ordinal);
        Assert.DoesNotContain("BOOTSTRAP_TOKEN", Encoding.UTF8.GetString(replaced), StringComparison.Ordinal);
        Assert.DoesNotContain("MACHINE_NAME", Encoding.UTF8.GetString(replaced), StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_Ignition_PlaceholdersOnlyInUrlEscapedForm()
    {
        // Arrange
        var doc = GoldenCase.Input("node-init");

        // Act
        var userData = Encoding.UTF8.GetString(new OscTranslator().Translate(doc.Config.Spec!, doc.Secrets, UserDataFormat.Ignition).UserData!);

        // Assert: a single plain occurrence would make MCM skip all escaped ones.
        Assert.DoesNotContain("<<", userData, StringComparison.Ordinal);
        Assert.Contains("%3C%3CBOOTSTRAP_TOKEN%3E%3E", userData, StringComparison.Ordinal);
        Assert.Contains("%3C%3CMACHINE_NAME%3E%3E", userData, StringComparison.Ordinal);
    }

    /// <summary>MCM's algorithm: plain first; url-escaped (Go url.QueryEscape) only when no plain occurrence exists.</summary>
    private static string McmReplace(string userData, string placeholder, string value)
    {
        if (userData.Contains(placeholder, StringComparison.Ordinal))
        {
            return userData.Replace(placeholder, value, StringComparison.Ordinal);
        }

        var escaped = Uri.EscapeDataString(placeholder); // equals url.QueryEscape for these placeholders: %3C%3C..._...%3E%3E
        return userData.Replace(escaped, Uri.EscapeDataString(value), StringComparison.Ordinal);
    }
}
