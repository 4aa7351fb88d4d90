using GardenerMetal.MetalApi.V1;
using GardenerMetal.Provider.Apis.V1Alpha1;
using GardenerMetal.Provider.Controllers.ControlPlane;
using GardenerMetal.Provider.Validation;

namespace GardenerMetal.ControlPlane.Tests;

/// <summary>metal-ccm's default external network, chosen as upstream provider-metal does.</summary>
public sealed class DefaultExternalNetworkTests
{
    private static readonly FieldPath ConfigPath = FieldPath.Root("spec", "provider", "controlPlaneConfig");
    private static readonly FieldPath NetworksPath = FieldPath.Root("spec", "provider", "infrastructureConfig", "firewall", "networks");

    private static readonly Dictionary<string, NetworkResponse> Networks = new(StringComparer.Ordinal)
    {
        ["super"] = new() { Id = "super", PrivateSuper = true },
        ["dmz"] = new() { Id = "dmz", ParentNetworkId = "super" },
        ["dmz-2"] = new() { Id = "dmz-2", ParentNetworkId = "super" },
        ["internet"] = new() { Id = "internet", Labels = new Dictionary<string, string> { [DefaultExternalNetwork.DefaultExternalLabel] = "" } },
        ["internet-default"] = new() { Id = "internet-default", Labels = new Dictionary<string, string> { [DefaultExternalNetwork.DefaultExternalLabel] = "", [DefaultExternalNetwork.DefaultLabel] = "" } },
        ["mpls"] = new() { Id = "mpls" },
    };

    [Theory]
    [InlineData("internet,internet-default,mpls", "internet-default")]
    [InlineData("mpls,internet", "internet")]
    [InlineData("mpls,dmz,dmz-2", "dmz")]
    [InlineData("dmz,internet", "internet")]
    public void Choose_NoExplicitNetwork_PrefersLabelledThenDmz(string firewallNetworks, string expected)
    {
        var chosen = DefaultExternalNetwork.Choose(new ControlPlaneConfig(), firewallNetworks.Split(','), Networks, ConfigPath, NetworksPath);

        Assert.Equal(expected, chosen);
    }

    [Fact]
    public void Choose_Forbidden_None()
    {
        var chosen = DefaultExternalNetwork.Choose(new ControlPlaneConfig { NetworkAccessType = NetworkAccessTypes.Forbidden }, ["internet"], Networks, ConfigPath, NetworksPath);

        Assert.Equal(string.Empty, chosen);
    }

    [Fact]
    public void Choose_ExplicitFirewallNetwork_WinsOverLabels()
    {
        var config = new ControlPlaneConfig { CloudControllerManager = new CloudControllerManagerConfig { DefaultExternalNetwork = "mpls" } };

        Assert.Equal("mpls", DefaultExternalNetwork.Choose(config, ["internet-default", "mpls"], Networks, ConfigPath, NetworksPath));
    }

    [Fact]
    public void Choose_ExplicitNetworkNotAFirewallNetwork_ErrorNamesTheField()
    {
        var config = new ControlPlaneConfig { CloudControllerManager = new CloudControllerManagerConfig { DefaultExternalNetwork = "elsewhere" } };

        var error = Assert.Throws<ControlPlaneConfigurationException>(() => DefaultExternalNetwork.Choose(config, ["internet"], Networks, ConfigPath, NetworksPath));

        Assert.Equal("spec.provider.controlPlaneConfig.cloudControllerManager.defaultExternalNetwork", error.Error!.Path);
        Assert.Equal(FieldErrorType.Invalid, error.Error.Type);
    }

    [Fact]
    public void Choose_NetworkMissingInTheMetalApi_ErrorNamesTheListEntry()
    {
        var error = Assert.Throws<ControlPlaneConfigurationException>(() => DefaultExternalNetwork.Choose(new ControlPlaneConfig(), ["internet", "gone"], Networks, ConfigPath, NetworksPath));

        Assert.Equal("spec.provider.infrastructureConfig.firewall.networks[1]", error.Error!.Path);
    }

    [Fact]
    public void Choose_NoQualifyingNetwork_ErrorSaysHowToFixIt()
    {
        var error = Assert.Throws<ControlPlaneConfigurationException>(() => DefaultExternalNetwork.Choose(new ControlPlaneConfig(), ["mpls"], Networks, ConfigPath, NetworksPath));

        Assert.Contains("defaultExternalNetwork", error.Message, StringComparison.Ordinal);
    }
}
