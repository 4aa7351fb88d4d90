using System.Net;
using GardenerMetal.Provider.Apis.Core;
using GardenerMetal.Provider.Apis.V1Alpha1;

namespace GardenerMetal.Provider.Validation;

/// <summary>Node, pod and service CIDRs: valid, disjoint, clear of the partition's firewall network prefixes, immutable.</summary>
public static class NetworkingValidation
{
    /// <param name="networking">The shoot's <c>spec.networking</c> (null: nothing to check).</param>
    /// <param name="nodeCidrMaskSize">kube-controller-manager's nodeCIDRMaskSize, if set.</param>
    /// <param name="partition">The shoot's partition from the CloudProfile (null: firewall prefixes unknown).</param>
    /// <param name="path">Path of <c>spec.networking</c>.</param>
    /// <param name="old">The previous networking on update.</param>
    public static IReadOnlyList<FieldError> Validate(ShootNetworking? networking, int? nodeCidrMaskSize, Partition? partition, FieldPath path, ShootNetworking? old = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var errors = new List<FieldError>();
        if (networking is null)
        {
            return errors;
        }

        var ranges = new List<(string Field, IPNetwork Network)>();
        foreach (var (field, value) in new[] { ("nodes", networking.Nodes), ("pods", networking.Pods), ("services", networking.Services) })
        {
            if (value is null)
            {
                continue;
            }

            if (!Cidr.TryParse(value, out var network, out var hostBits))
            {
                errors.Add(FieldError.Invalid(path.Child(field), value, "must be a CIDR such as 10.240.0.0/13"));
                continue;
            }

            if (hostBits)
            {
                errors.Add(FieldError.Invalid(path.Child(field), value, "must not have host bits set (the network is " + network + ")").Stricter(StricterRules.CidrHostBits));
            }

            foreach (var (otherField, other) in ranges)
            {
                if (Cidr.Overlaps(network, other))
                {
                    errors.Add(FieldError.Invalid(path.Child(field), value, "must not overlap " + path.Child(otherField).Value + " (" + other + ")").Stricter(StricterRules.CidrOverlap));
                }
            }

            foreach (var (networkId, prefixes) in (partition?.FirewallNetworks ?? new Dictionary<string, IReadOnlyList<string>>()).OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                foreach (var prefix in prefixes)
                {
                    if (Cidr.TryParse(prefix, out var firewallNetwork, out _) && Cidr.Overlaps(network, firewallNetwork))
                    {
                        errors.Add(FieldError.Invalid(path.Child(field), value, "must not overlap prefix " + prefix + " of firewall network \"" + networkId + "\"").Stricter(StricterRules.CidrOverlap));
                    }
                }
            }

            ranges.Add((field, network));
        }

        if (nodeCidrMaskSize is { } mask && networking.Pods is not null && Cidr.TryParse(networking.Pods, out var pods, out _))
        {
            var max = pods.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
            if (mask < pods.PrefixLength || mask > max)
            {
                errors.Add(FieldError.Invalid(FieldPath.Root("spec", "kubernetes", "kubeControllerManager", "nodeCIDRMaskSize"), mask.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "must be between the pods prefix length (" + pods.PrefixLength + ") and " + max).Stricter(StricterRules.NodeCidrMaskSize));
            }
        }

        if (old is not null)
        {
            if (old.Nodes is not null)
            {
                Immutable.Check(errors, path.Child("nodes"), old.Nodes, networking.Nodes);
            }

            if (old.Pods is not null)
            {
                Immutable.Check(errors, path.Child("pods"), old.Pods, networking.Pods);
            }

            if (old.Services is not null)
            {
                Immutable.Check(errors, path.Child("services"), old.Services, networking.Services);
            }
        }

        return errors;
    }
}
