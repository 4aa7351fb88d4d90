using GardenerMetal.Provider.Apis.Core;
using GardenerMetal.Provider.Apis.V1Alpha1;

namespace GardenerMetal.Provider.Validation;

/// <summary>Rules C1–C5 for a metal CloudProfile.</summary>
public static class CloudProfileValidation
{
    /// <summary>C1 and the strict decoding, then C2–C4; on update (<paramref name="old"/> set) also C5.</summary>
    public static IReadOnlyList<FieldError> Validate(CloudProfile cloudProfile, CloudProfile? old)
    {
        ArgumentNullException.ThrowIfNull(cloudProfile);
        var errors = new List<FieldError>();
        var path = FieldPath.Root("spec", "providerConfig");
        if (!ShootValidation.IsSet(cloudProfile.Spec.ProviderConfig))
        {
            errors.Add(FieldError.Required(path, "providerConfig must be set for metal cloud profiles"));
            return errors;
        }

        var decoded = ProviderConfigDecoder.DecodeCloudProfileConfig(cloudProfile.Spec.ProviderConfig!.Value, path);
        errors.AddRange(decoded.Errors);
        if (decoded.Value is null)
        {
            return errors;
        }

        errors.AddRange(ValidateConfig(decoded.Value, cloudProfile, path));
        if (old is not null && ShootValidation.IsSet(old.Spec.ProviderConfig)
            && ProviderConfigDecoder.DecodeCloudProfileConfig(old.Spec.ProviderConfig!.Value, path).Value is { } oldConfig)
        {
            errors.AddRange(ValidateUpdate(oldConfig, decoded.Value, path));
        }

        return errors;
    }

    /// <summary>C2–C4 plus our firewallNetworks prefixes.</summary>
    public static IReadOnlyList<FieldError> ValidateConfig(CloudProfileConfig config, CloudProfile cloudProfile, FieldPath path)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(cloudProfile);
        ArgumentNullException.ThrowIfNull(path);
        var errors = new List<FieldError>();
        var zones = (cloudProfile.Spec.Regions ?? []).SelectMany(r => r.Zones ?? []).Select(z => z.Name ?? string.Empty).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, controlPlane) in (config.MetalControlPlanes ?? new Dictionary<string, MetalControlPlane>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var controlPlanePath = path.Child("metalControlPlanes").Key(name);
            var versions = controlPlane.FirewallControllerVersions ?? [];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < versions.Count; i++)
            {
                var versionPath = controlPlanePath.Child("firewallControllerVersions").Index(i);
                if (versions[i].Classification is { } classification && !VersionClassifications.All.Contains(classification, StringComparer.Ordinal))
                {
                    errors.Add(FieldError.NotSupported(versionPath.Child("classification"), classification, VersionClassifications.All));
                }

                if (!seen.Add(versions[i].Version ?? string.Empty))
                {
                    // Upstream: Invalid at ...firewallcontrollerversions (sic) with the value "version".
                    errors.Add(FieldError.Invalid(versionPath.Child("version"), versions[i].Version, "contains duplicate entries"));
                }
            }

            foreach (var (partitionName, partition) in (controlPlane.Partitions ?? new Dictionary<string, Partition>()).OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var partitionPath = controlPlanePath.Child("partitions").Key(partitionName);
                if (!zones.Contains(partitionName))
                {
                    errors.Add(FieldError.Invalid(partitionPath, partitionName,
                        "the control plane has a partition that is not a configured zone in any of the cloud profile regions: " + GoList(zones.Order(StringComparer.Ordinal))));
                }

                foreach (var (networkId, prefixes) in (partition.FirewallNetworks ?? new Dictionary<string, IReadOnlyList<string>>()).OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    for (var i = 0; i < prefixes.Count; i++)
                    {
                        if (!Cidr.TryParseStrict(prefixes[i], out _))
                        {
                            errors.Add(FieldError.Invalid(partitionPath.Child("firewallNetworks").Key(networkId).Index(i), prefixes[i], "must be a CIDR with no host bits set")
                                .Stricter(StricterRules.FirewallNetworkPrefixes));
                        }
                    }
                }

                if (partition.NetworkIsolation is { } isolation)
                {
                    errors.AddRange(ValidateNetworkIsolation(isolation, partitionPath.Child("networkIsolation")));
                }
            }
        }

        return errors;
    }

    /// <summary>C4, with upstream's error types (every problem is Invalid).</summary>
    public static IReadOnlyList<FieldError> ValidateNetworkIsolation(NetworkIsolation isolation, FieldPath path)
    {
        ArgumentNullException.ThrowIfNull(isolation);
        ArgumentNullException.ThrowIfNull(path);
        var errors = new List<FieldError>();
        var dns = isolation.DnsServers ?? [];
        if (dns.Count == 0)
        {
            errors.Add(FieldError.Invalid(path.Child("dnsServers"), GoList(dns), "may not be empty"));
        }
        else if (dns.Count > 3)
        {
            errors.Add(FieldError.Invalid(path.Child("dnsServers"), GoList(dns), "only up to 3 dns servers are allowed"));
        }

        AddIpErrors(errors, dns, path.Child("dnsServers"));
        var ntp = isolation.NtpServers ?? [];
        if (ntp.Count == 0)
        {
            errors.Add(FieldError.Invalid(path.Child("ntpServers"), GoList(ntp), "may not be empty"));
        }

        AddIpErrors(errors, ntp, path.Child("ntpServers"));
        foreach (var (field, cidrs) in new[] { ("egress", isolation.AllowedNetworks?.Egress ?? []), ("ingress", isolation.AllowedNetworks?.Ingress ?? []) })
        {
            var cidrPath = path.Child("allowedNetworks").Child(field);
            if (cidrs.Count == 0)
            {
                errors.Add(FieldError.Invalid(cidrPath, GoList(cidrs), "may not be empty"));
            }

            for (var i = 0; i < cidrs.Count; i++)
            {
                // As upstream (Go's prefix parser): host bits are allowed, e.g. 10.0.0.1/24.
                if (!Cidr.TryParse(cidrs[i], out _, out _))
                {
                    errors.Add(FieldError.Invalid(cidrPath.Index(i), cidrs[i], "invalid cidr"));
                }
            }
        }

        var mirrors = isolation.RegistryMirrors ?? [];
        if (mirrors.Count == 0)
        {
            errors.Add(FieldError.Invalid(path.Child("registryMirrors"), "[]", "may not be empty"));
        }

        for (var i = 0; i < mirrors.Count; i++)
        {
            var mirror = mirrors[i];
            var mirrorPath = path.Child("registryMirrors").Index(i);
            if (string.IsNullOrEmpty(mirror.Name))
            {
                errors.Add(FieldError.Invalid(mirrorPath.Child("name"), mirror.Name, "name of mirror may not be empty"));
            }

            if (!Uri.TryCreate(mirror.Endpoint, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add(FieldError.Invalid(mirrorPath.Child("endpoint"), mirror.Endpoint, "url must have the scheme http/s"));
            }

            if (!Syntax.IsNetipAddress(mirror.Ip))
            {
                errors.Add(FieldError.Invalid(mirrorPath.Child("ip"), mirror.Ip, "invalid ip address"));
            }

            var port = mirror.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (mirror.Port == 0)
            {
                errors.Add(FieldError.Invalid(mirrorPath.Child("port"), port, "must be a valid port"));
            }
            else if (mirror.Port is < 0 or > 65535)
            {
                errors.Add(FieldError.Invalid(mirrorPath.Child("port"), port, "must be a port between 1 and 65535").Stricter(StricterRules.RegistryMirrorPortRange));
            }

            var mirrorOf = mirror.MirrorOf ?? [];
            if (mirrorOf.Count == 0)
            {
                errors.Add(FieldError.Invalid(mirrorPath.Child("mirrorOf"), GoList(mirrorOf), "registry mirror must replace existing registries"));
            }

            for (var j = 0; j < mirrorOf.Count; j++)
            {
                var registry = mirrorOf[j];
                if (string.IsNullOrEmpty(registry) || !Uri.TryCreate("https://" + registry + "/", UriKind.Absolute, out var uri) || !string.Equals(uri.Authority, registry, StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add(FieldError.Invalid(mirrorPath.Child("mirrorOf").Index(j), registry, "not a valid registry host"));
                }
            }
        }

        return errors;
    }

    /// <summary>C5: an existing network isolation cannot be removed (Required) and its DNS servers are immutable (NotSupported, as upstream).</summary>
    public static IReadOnlyList<FieldError> ValidateUpdate(CloudProfileConfig old, CloudProfileConfig config, FieldPath path)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(path);
        var errors = new List<FieldError>();
        foreach (var (name, controlPlane) in (config.MetalControlPlanes ?? new Dictionary<string, MetalControlPlane>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (old.MetalControlPlanes?.GetValueOrDefault(name) is not { } oldControlPlane)
            {
                continue;
            }

            foreach (var (partitionName, partition) in (controlPlane.Partitions ?? new Dictionary<string, Partition>()).OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (oldControlPlane.Partitions?.GetValueOrDefault(partitionName)?.NetworkIsolation is not { } oldIsolation)
                {
                    continue;
                }

                var isolationPath = path.Child("metalControlPlanes").Key(name).Child("partitions").Key(partitionName).Child("networkIsolation");
                if (partition.NetworkIsolation is null)
                {
                    errors.Add(FieldError.Required(isolationPath, "cannot remove existing network isolations"));
                    continue;
                }

                // As upstream: a changed length is one NotSupported on the list, otherwise one per changed entry naming the old value.
                var oldDns = oldIsolation.DnsServers ?? [];
                var dns = partition.NetworkIsolation.DnsServers ?? [];
                var dnsPath = isolationPath.Child("dnsServers");
                if (dns.Count != oldDns.Count)
                {
                    errors.Add(FieldError.NotSupported(dnsPath, GoList(dns), [GoList(oldDns)]));
                    continue;
                }

                for (var i = 0; i < dns.Count; i++)
                {
                    if (!string.Equals(dns[i], oldDns[i], StringComparison.Ordinal))
                    {
                        errors.Add(FieldError.NotSupported(dnsPath.Index(i), dns[i], [oldDns[i]]));
                    }
                }
            }
        }

        return errors;
    }

    private static void AddIpErrors(List<FieldError> errors, IReadOnlyList<string> ips, FieldPath path)
    {
        for (var i = 0; i < ips.Count; i++)
        {
            if (!Syntax.IsNetipAddress(ips[i]))
            {
                errors.Add(FieldError.Invalid(path.Index(i), ips[i], "invalid ip address"));
            }
        }
    }

    /// <summary>A list as Go's %v prints it: [a b c].</summary>
    private static string GoList(IEnumerable<string> values) => "[" + string.Join(" ", values) + "]";
}
