using System.Text.Json.Nodes;
using GardenerMetal.Provider.Apis.Core;
using GardenerMetal.Provider.Apis.V1Alpha1;

namespace GardenerMetal.Provider.Defaulting;

/// <summary>The Shoot defaults of upstream's mutator, as a list of fields to set (only fields that are unset).</summary>
public static class ShootDefaulting
{
    /// <param name="shoot">The Shoot.</param>
    /// <param name="infrastructure">Its decoded InfrastructureConfig (null: the firewall is not defaulted).</param>
    /// <param name="cloudProfileConfig">Its CloudProfile's config (null: the firewall is not defaulted).</param>
    /// <param name="options">The default values.</param>
    public static IReadOnlyList<DefaultedField> Compute(Shoot shoot, InfrastructureConfig? infrastructure, CloudProfileConfig? cloudProfileConfig, DefaultingOptions options)
    {
        ArgumentNullException.ThrowIfNull(shoot);
        ArgumentNullException.ThrowIfNull(options);
        var fields = new List<DefaultedField>();
        var kubernetes = shoot.Spec.Kubernetes;
        if (kubernetes?.KubeControllerManager?.NodeCidrMaskSize is null)
        {
            fields.Add(new(["spec", "kubernetes", "kubeControllerManager", "nodeCIDRMaskSize"], options.NodeCidrMaskSize));
        }

        if (kubernetes?.Kubelet?.MaxPods is null)
        {
            fields.Add(new(["spec", "kubernetes", "kubelet", "maxPods"], options.MaxPods));
        }

        if (infrastructure is not null && cloudProfileConfig?.FindPartition(infrastructure.PartitionId) is { } found)
        {
            var defaulted = InfrastructureConfigDefaulting.Apply(infrastructure, found.ControlPlane, found.Partition);
            if (defaulted.Firewall.Image != infrastructure.Firewall.Image)
            {
                fields.Add(new(["spec", "provider", "infrastructureConfig", "firewall", "image"], defaulted.Firewall.Image!));
            }

            if (defaulted.Firewall.Size != infrastructure.Firewall.Size)
            {
                fields.Add(new(["spec", "provider", "infrastructureConfig", "firewall", "size"], defaulted.Firewall.Size!));
            }
        }

        if (shoot.Spec.Provider.Workers is not { Count: > 0 })
        {
            return fields;
        }

        var networking = shoot.Spec.Networking;
        var type = string.IsNullOrEmpty(networking?.Type) ? options.NetworkType : networking.Type;
        if (string.IsNullOrEmpty(networking?.Type))
        {
            fields.Add(new(["spec", "networking", "type"], type));
        }

        if (networking?.Pods is null)
        {
            fields.Add(new(["spec", "networking", "pods"], options.PodsCidr));
        }

        if (networking?.Services is null)
        {
            fields.Add(new(["spec", "networking", "services"], options.ServicesCidr));
        }

        if (networking?.ProviderConfig is { ValueKind: not System.Text.Json.JsonValueKind.Null })
        {
            return fields;
        }

        var kubeProxyUnset = kubernetes?.KubeProxy?.Enabled is null;
        switch (type)
        {
            case "calico":
                if (kubeProxyUnset)
                {
                    fields.Add(new(["spec", "kubernetes", "kubeProxy", "enabled"], options.CalicoKubeProxyEnabled));
                }

                fields.Add(new(["spec", "networking", "providerConfig"], new JsonObject
                {
                    ["apiVersion"] = "calico.networking.extensions.gardener.cloud/v1alpha1",
                    ["kind"] = "NetworkConfig",
                    ["backend"] = options.CalicoBackend,
                    ["ipv4"] = new JsonObject { ["mode"] = options.CalicoPoolMode },
                    ["typha"] = new JsonObject { ["enabled"] = options.CalicoTyphaEnabled },
                }));
                break;
            case "cilium":
                if (kubeProxyUnset)
                {
                    fields.Add(new(["spec", "kubernetes", "kubeProxy", "enabled"], options.CiliumKubeProxyEnabled));
                }

                fields.Add(new(["spec", "networking", "providerConfig"], new JsonObject
                {
                    ["apiVersion"] = "cilium.networking.extensions.gardener.cloud/v1alpha1",
                    ["kind"] = "NetworkConfig",
                    ["hubble"] = new JsonObject { ["enabled"] = options.CiliumHubbleEnabled },
                    ["tunnel"] = options.CiliumTunnel,
                    ["devices"] = new JsonArray([.. options.CiliumDevices.Select(d => (JsonNode)d)]),
                    ["directRoutingDevice"] = options.CiliumDirectRoutingDevice,
                    ["bgpControlPlane"] = new JsonObject { ["enabled"] = options.CiliumBgpControlPlane },
                    ["ipv4NativeRoutingCIDREnabled"] = options.CiliumIpv4NativeRoutingCidrEnabled,
                    ["loadBalancingMode"] = options.CiliumLoadBalancingMode,
                    ["mtu"] = options.CiliumMtu,
                }));
                break;
        }

        return fields;
    }
}
