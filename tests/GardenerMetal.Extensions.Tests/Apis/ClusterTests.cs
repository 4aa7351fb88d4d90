using System.Text.Json;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Tests.TestSupport;

namespace GardenerMetal.Extensions.Tests.Apis;

public sealed class ClusterTests
{
    private static Cluster LoadSample() => JsonSerializer.Deserialize(
        YamlJson.File(Path.Combine(AppContext.BaseDirectory, "testdata", "cluster", "cluster.yaml"))[0]!.ToJsonString(),
        ExtensionsJsonContext.Default.Cluster)!;

    [Fact]
    public void GetShoot_SampleCluster_ExposesProviderNetworkingAndWorkers()
    {
        // Arrange
        var cluster = LoadSample();

        // Act
        var shoot = cluster.GetShoot();

        // Assert
        Assert.Equal("9bd2d1ee-5a79-4a35-8f4e-7a1f12c6c7a5", shoot.Uid);
        Assert.Equal("nbg", shoot.Spec.Region);
        Assert.Equal("metal", shoot.Spec.Provider.Type);
        Assert.Equal("nbg-w8101", shoot.Spec.Provider.InfrastructureConfig!.Value.GetProperty("partitionID").GetString());
        Assert.Equal("baseline", shoot.Spec.Provider.ControlPlaneConfig!.Value.GetProperty("networkAccessType").GetString());
        Assert.Equal("10.0.0.0/22", shoot.Spec.Networking!.Nodes);
        Assert.Equal("10.240.0.0/13", shoot.Spec.Networking.Pods);
        Assert.Equal("10.248.0.0/18", shoot.Spec.Networking.Services);
        var worker = Assert.Single(shoot.Spec.Provider.Workers!);
        Assert.Equal("group-0", worker.Name);
        Assert.Equal("24.04", worker.Machine!.Image!.Version);
        Assert.Equal("25%", worker.MaxUnavailable!.StringValue);
        Assert.Equal("NoSchedule", worker.Taints![0].Effect);
        Assert.Equal("acme", shoot.Annotations["cluster.metal-stack.io/tenant"]);
        Assert.Equal(LastOperationType.Reconcile, shoot.Status.LastOperation!.Type);
        Assert.Equal("shoot--dev--metal1", shoot.Status.TechnicalId);
        Assert.False(cluster.IsShootFailed());
    }

    [Fact]
    public void GetCloudProfileAndSeed_SampleCluster_ExposeRegionsAndProvider()
    {
        // Arrange
        var cluster = LoadSample();

        // Act
        var profile = cluster.GetCloudProfile();
        var seed = cluster.GetSeed();

        // Assert
        Assert.Equal(["nbg-w8101", "nbg-w8102"], profile.Spec.Regions![0].Zones!.Select(z => z.Name));
        Assert.Equal("https://metal-api.example.com", profile.Spec.ProviderConfig!.Value
            .GetProperty("metalControlPlanes").GetProperty("prod").GetProperty("endpoint").GetString());
        Assert.Equal("nbg", seed.Spec.Provider!.Region);
    }

    [Theory]
    [InlineData("Failed", true)]
    [InlineData("Error", false)]
    [InlineData("Succeeded", false)]
    public void IsShootFailed_LastOperationState_MatchesGardener(string state, bool expected)
    {
        // Arrange
        var json = "{\"spec\":{\"shoot\":{\"status\":{\"lastOperation\":{\"state\":\"" + state + "\",\"type\":\"Reconcile\"}}}}}";
        var cluster = JsonSerializer.Deserialize(json, ExtensionsJsonContext.Default.Cluster)!;

        // Act
        var failed = cluster.IsShootFailed();

        // Assert
        Assert.Equal(expected, failed);
    }

    [Fact]
    public void IsShootFailed_ShootWithoutLastOperation_IsFalse()
    {
        // Arrange
        var cluster = JsonSerializer.Deserialize("""{"spec":{"shoot":{"metadata":{"name":"x"}}}}""", ExtensionsJsonContext.Default.Cluster)!;

        // Act + Assert
        Assert.False(cluster.IsShootFailed());
        Assert.Null(cluster.GetShoot().Uid);
    }

    [Fact]
    public void GetShoot_ShootIsNotAnObject_ThrowsNamingTheField()
    {
        // Arrange
        var cluster = JsonSerializer.Deserialize("""{"spec":{"shoot":"oops"}}""", ExtensionsJsonContext.Default.Cluster)!;

        // Act
        var ex = Assert.Throws<JsonException>(cluster.GetShoot);

        // Assert
        Assert.Contains("spec.shoot", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetShoot_MalformedField_ThrowsNamingTheField()
    {
        // Arrange
        var cluster = JsonSerializer.Deserialize("""{"spec":{"shoot":{"spec":{"region":5}}}}""", ExtensionsJsonContext.Default.Cluster)!;

        // Act
        var ex = Assert.Throws<JsonException>(cluster.GetShoot);

        // Assert
        Assert.Contains("spec.shoot", ex.Message, StringComparison.Ordinal);
    }
}
