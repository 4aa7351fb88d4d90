using GardenerMetal.MetalApi.V1;
using GardenerMetal.Provider.Apis.V1Alpha1;
using GardenerMetal.Provider.Validation;

namespace GardenerMetal.Provider.Controllers.ControlPlane;

/// <summary>
/// metal-ccm's default external network (where LoadBalancer IPs come from), chosen as upstream provider-metal does:
/// an explicit <c>cloudControllerManager.defaultExternalNetwork</c> must be one of the firewall networks; a
/// <c>forbidden</c> shoot has none; else the firewall networks labelled <c>network.metal-stack.io/default-external</c>
/// without a parent, preferring one also labelled <c>network.metal-stack.io/default</c>; else the first DMZ network
/// (a firewall network whose parent is a private super network).
/// </summary>
public static class DefaultExternalNetwork
{
    public const string DefaultExternalLabel = "network.metal-stack.io/default-external";
    public const string DefaultLabel = "network.metal-stack.io/default";

    /// <summary>The chosen network ID ("" for forbidden shoots).</summary>
    /// <param name="config">The shoot's ControlPlaneConfig.</param>
    /// <param name="firewallNetworks">The InfrastructureConfig's <c>firewall.networks</c>.</param>
    /// <param name="networks">metal-api networks by ID: at least the firewall networks and their parents.</param>
    /// <param name="path">Path of the controlPlaneConfig, for errors.</param>
    /// <param name="firewallNetworksPath">Path of <c>firewall.networks</c>, for errors.</param>
    /// <exception cref="ControlPlaneConfigurationException">No network qualifies; the message names the field.</exception>
    public static string Choose(ControlPlaneConfig config, IReadOnlyList<string> firewallNetworks, IReadOnlyDictionary<string, NetworkResponse> networks, FieldPath path, FieldPath firewallNetworksPath)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(firewallNetworks);
        ArgumentNullException.ThrowIfNull(networks);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(firewallNetworksPath);
        if (config.NetworkAccessType == NetworkAccessTypes.Forbidden)
        {
            return string.Empty;
        }

        if (config.CloudControllerManager?.DefaultExternalNetwork is { } explicitNetwork)
        {
            if (!firewallNetworks.Contains(explicitNetwork, StringComparer.Ordinal))
            {
                throw new ControlPlaneConfigurationException(FieldError.Invalid(path.Child("cloudControllerManager", "defaultExternalNetwork"), explicitNetwork,
                    "must be one of the firewall networks of the infrastructureConfig"));
            }

            return explicitNetwork;
        }

        var external = new List<NetworkResponse>();
        var dmz = new List<NetworkResponse>();
        for (var i = 0; i < firewallNetworks.Count; i++)
        {
            if (!networks.TryGetValue(firewallNetworks[i], out var network))
            {
                throw new ControlPlaneConfigurationException(FieldError.Invalid(firewallNetworksPath.Index(i), firewallNetworks[i], "the network does not exist in the metal-api"));
            }

            if (string.IsNullOrEmpty(network.ParentNetworkId))
            {
                if (network.Labels?.ContainsKey(DefaultExternalLabel) == true)
                {
                    external.Add(network);
                }
            }
            else if (networks.TryGetValue(network.ParentNetworkId, out var parent) && parent.PrivateSuper)
            {
                dmz.Add(network);
            }
        }

        if (external.Count > 0)
        {
            return (external.FirstOrDefault(n => n.Labels!.ContainsKey(DefaultLabel)) ?? external[0]).Id;
        }

        if (dmz.Count > 0)
        {
            return dmz[0].Id;
        }

        throw new ControlPlaneConfigurationException(FieldError.Invalid(firewallNetworksPath, string.Join(",", firewallNetworks),
            "no firewall network qualifies as metal-ccm's default external network (none is labelled " + DefaultExternalLabel + " and none is a DMZ network); set controlPlaneConfig.cloudControllerManager.defaultExternalNetwork"));
    }
}
