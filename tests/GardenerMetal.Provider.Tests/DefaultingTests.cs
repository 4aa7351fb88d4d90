using GardenerMetal.Provider.Apis.V1Alpha1;
using GardenerMetal.Provider.Defaulting;
using GardenerMetal.Provider.Validation;

namespace GardenerMetal.Provider.Tests;

public class DefaultingTests
{
    private static (InfrastructureConfig Infra, CloudProfileConfig Config) Decode(GardenerMetal.Provider.Apis.Core.Shoot shoot)
    {
        var infra = ProviderConfigDecoder.DecodeInfrastructureConfig(shoot.Spec.Provider.InfrastructureConfig!.Value, FieldPath.Root("x")).Value!;
        var config = ProviderConfigDecoder.DecodeCloudProfileConfig(TestData.CloudProfile().Spec.ProviderConfig!.Value, FieldPath.Root("y")).Value!;
        return (infra, config);
    }

    [Fact]
    public void Compute_BareShoot_UpstreamDefaults()
    {
        // Arrange
        var shoot = TestData.Shoot(
            ("/spec/kubernetes", "{\"version\":\"1.33.4\"}"), ("/spec/networking", null),
            ("/spec/provider/infrastructureConfig/firewall/image", null), ("/spec/provider/infrastructureConfig/firewall/size", "\"\""));
        var (infra, config) = Decode(shoot);

        // Act
        var fields = ShootDefaulting.Compute(shoot, infra, config, new DefaultingOptions()).ToDictionary(f => f.JsonPointer, f => f.Value.ToJsonString());

        // Assert
        Assert.Equal("23", fields["/spec/kubernetes/kubeControllerManager/nodeCIDRMaskSize"]);
        Assert.Equal("250", fields["/spec/kubernetes/kubelet/maxPods"]);
        Assert.Equal("\"firewall-ubuntu-3.0.20240101\"", fields["/spec/provider/infrastructureConfig/firewall/image"]);
        Assert.Equal("\"c1-xlarge-x86\"", fields["/spec/provider/infrastructureConfig/firewall/size"]);
        Assert.Equal("\"calico\"", fields["/spec/networking/type"]);
        Assert.Equal("\"10.240.0.0/13\"", fields["/spec/networking/pods"]);
        Assert.Equal("\"10.248.0.0/18\"", fields["/spec/networking/services"]);
        Assert.Equal("true", fields["/spec/kubernetes/kubeProxy/enabled"]);
        Assert.Contains("\"backend\":\"none\"", fields["/spec/networking/providerConfig"], StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_CompleteShoot_NothingToDefaultButProviderConfig()
    {
        var shoot = TestData.Shoot(("/spec/networking/providerConfig", "{\"apiVersion\":\"calico.networking.extensions.gardener.cloud/v1alpha1\",\"kind\":\"NetworkConfig\"}"));
        var (infra, config) = Decode(shoot);

        var fields = ShootDefaulting.Compute(shoot, infra, config, new DefaultingOptions());

        Assert.Empty(fields);
    }

    [Fact]
    public void Compute_NoWorkers_NetworkingNotDefaulted()
    {
        var shoot = TestData.Shoot(("/spec/provider/workers", "[]"), ("/spec/networking", null));
        var (infra, config) = Decode(shoot);

        var fields = ShootDefaulting.Compute(shoot, infra, config, new DefaultingOptions());

        Assert.DoesNotContain(fields, f => f.Path[1] == "networking");
    }

    [Fact]
    public void Compute_OverriddenOptions_Used()
    {
        var shoot = TestData.Shoot(("/spec/kubernetes", "{}"), ("/spec/networking", "{\"type\":\"cilium\"}"));
        var (infra, config) = Decode(shoot);
        var options = new DefaultingOptions { MaxPods = 110, PodsCidr = "100.96.0.0/11" };

        var fields = ShootDefaulting.Compute(shoot, infra, config, options).ToDictionary(f => f.JsonPointer, f => f.Value.ToJsonString());

        Assert.Equal("110", fields["/spec/kubernetes/kubelet/maxPods"]);
        Assert.Equal("\"100.96.0.0/11\"", fields["/spec/networking/pods"]);
        Assert.Equal("false", fields["/spec/kubernetes/kubeProxy/enabled"]);
        Assert.Contains("\"tunnel\":\"disabled\"", fields["/spec/networking/providerConfig"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "firewall-ubuntu-2.0.20230101", "firewall-ubuntu-3.0.20240101", "firewall-ubuntu-2.9" }, "firewall-ubuntu-3.0.20240101")]
    [InlineData(new[] { "firewall-debian-1.0", "firewall-ubuntu-3.0" }, "firewall-ubuntu-3.0")] // upstream would pick debian (sorts by OS first)
    [InlineData(new[] { "fw-3.0.0-rc.1", "fw-3.0.0" }, "fw-3.0.0")]
    [InlineData(new[] { "custom", "other" }, "custom")]
    public void Newest_Images_HighestVersion(string[] images, string expected) => Assert.Equal(expected, FirewallImages.Newest(images));

    [Fact]
    public void FromEnvironment_Overrides_AndRejectsMalformed()
    {
        var env = new Dictionary<string, string> { ["DEFAULTER_MAXPODS"] = "110", ["DEFAULTER_CALICOTYPHAENABLED"] = "true" };

        var options = DefaultingOptions.FromEnvironment(env.GetValueOrDefault);
        var ex = Assert.Throws<ArgumentException>(() => DefaultingOptions.FromEnvironment(new Dictionary<string, string> { ["DEFAULTER_NODECIDRMASKSIZE"] = "big" }.GetValueOrDefault));

        Assert.Equal((110, true, 23), (options.MaxPods, options.CalicoTyphaEnabled, options.NodeCidrMaskSize));
        Assert.Contains("DEFAULTER_NODECIDRMASKSIZE", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "v2.3.4")]
    [InlineData("auto", "v2.3.4")]
    [InlineData("v2.3.5", "v2.3.5")]
    [InlineData("v9", null)]
    public void Resolve_ControllerVersion_V10(string requested, string? expected)
    {
        var (_, config) = Decode(TestData.Shoot());

        var resolved = FirewallControllerVersions.Resolve(config.MetalControlPlanes!["prod"].FirewallControllerVersions, requested);

        Assert.Equal(expected, resolved?.Version);
    }
}
