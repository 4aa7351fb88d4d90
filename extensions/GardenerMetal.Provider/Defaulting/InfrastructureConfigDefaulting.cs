using GardenerMetal.Provider.Apis.V1Alpha1;

namespace GardenerMetal.Provider.Defaulting;

/// <summary>Fills an empty firewall image (newest offered) and size (first firewall type of the partition).</summary>
public static class InfrastructureConfigDefaulting
{
    public static InfrastructureConfig Apply(InfrastructureConfig config, MetalControlPlane controlPlane, Partition partition)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(controlPlane);
        ArgumentNullException.ThrowIfNull(partition);
        var firewall = config.Firewall;
        if (string.IsNullOrEmpty(firewall.Image) && FirewallImages.Newest(controlPlane.FirewallImages) is { } image)
        {
            firewall = firewall with { Image = image };
        }

        if (string.IsNullOrEmpty(firewall.Size) && partition.FirewallTypes is { Count: > 0 } types)
        {
            firewall = firewall with { Size = types[0] };
        }

        return ReferenceEquals(firewall, config.Firewall) ? config : config with { Firewall = firewall };
    }
}
