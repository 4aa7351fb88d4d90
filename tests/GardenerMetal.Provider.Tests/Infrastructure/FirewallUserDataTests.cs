using System.Text.Json;
using GardenerMetal.Provider.Apis.V1Alpha1;
using GardenerMetal.Provider.Controllers.Infrastructure;
using GardenerMetal.Testing;

namespace GardenerMetal.Provider.Tests.Infrastructure;

/// <summary>The firewall's user data is Ignition spec 2.3.0 from os-metal's writer: what a metal-stack firewall image accepts.</summary>
public sealed class FirewallUserDataTests
{
    [Fact]
    public async Task Build_FirewallConfig_Ignition230AcceptedByIgnitionValidateV2AndWritesTheConfiguration()
    {
        // Arrange
        var config = new InfrastructureConfig
        {
            ProjectId = "p-1",
            PartitionId = "fra-1",
            Firewall = new Firewall { Networks = ["internet"], LogAcceptedConnections = true, ControllerVersion = "v2.3.4" },
        };

        // Act
        var userData = Convert.FromBase64String(FirewallUserData.Build("cluster-1", config, "net-1", "10.250.0.0/16"));
        var (code, output) = await IgnitionValidateV2.RunAsync(userData).WaitAsync(TimeSpan.FromSeconds(60));

        // Assert
        Assert.True(code == 0, output);
        using var doc = JsonDocument.Parse(userData);
        Assert.Equal("2.3.0", doc.RootElement.GetProperty("ignition").GetProperty("version").GetString());
        var file = Assert.Single(doc.RootElement.GetProperty("storage").GetProperty("files").EnumerateArray().ToList());
        Assert.Equal(("root", FirewallUserData.ConfigPath, Convert.ToInt32("640", 8)), (file.GetProperty("filesystem").GetString(), file.GetProperty("path").GetString(), file.GetProperty("mode").GetInt32()));
        var source = file.GetProperty("contents").GetProperty("source").GetString()!;
        Assert.StartsWith("data:;base64,", source, StringComparison.Ordinal);
        using var written = JsonDocument.Parse(Convert.FromBase64String(source["data:;base64,".Length..]));
        Assert.Equal("cluster-1", written.RootElement.GetProperty("clusterID").GetString());
        Assert.Equal("10.250.0.0/16", written.RootElement.GetProperty("nodeNetwork").GetProperty("cidr").GetString());
        Assert.True(written.RootElement.GetProperty("logAcceptedConnections").GetBoolean());
    }
}
