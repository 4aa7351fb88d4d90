using GardenerMetal.Provider.Apis.Core;
using GardenerMetal.Provider.Apis.V1Alpha1;

namespace GardenerMetal.Provider.Validation;

/// <summary>Rules V3–V11 for an <see cref="InfrastructureConfig"/>.</summary>
public static class InfrastructureConfigValidation
{
    /// <summary>V3–V6 plus duration syntax: the config on its own.</summary>
    public static IReadOnlyList<FieldError> Validate(InfrastructureConfig config, FieldPath path)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(path);
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(config.ProjectId))
        {
            errors.Add(FieldError.Required(path.Child("projectID"), "projectID must be specified"));
        }

        if (string.IsNullOrEmpty(config.PartitionId))
        {
            errors.Add(FieldError.Required(path.Child("partitionID"), "partitionID must be specified"));
        }

        var firewall = path.Child("firewall");
        if (string.IsNullOrEmpty(config.Firewall.Image))
        {
            errors.Add(FieldError.Required(firewall.Child("image"), "firewall image must be specified"));
        }

        if (string.IsNullOrEmpty(config.Firewall.Size))
        {
            errors.Add(FieldError.Required(firewall.Child("size"), "firewall size must be specified"));
        }

        var networks = new HashSet<string>(StringComparer.Ordinal);
        var networkList = config.Firewall.Networks ?? [];
        if (networkList.Count == 0)
        {
            errors.Add(FieldError.Required(firewall.Child("networks"), "at least one external network is needed, otherwise the cluster cannot bootstrap"));
        }

        for (var i = 0; i < networkList.Count; i++)
        {
            if (string.IsNullOrEmpty(networkList[i]))
            {
                errors.Add(FieldError.Required(firewall.Child("networks").Index(i), "firewall network must not be empty"));
            }
            else if (!networks.Add(networkList[i]))
            {
                errors.Add(FieldError.Duplicate(firewall.Child("networks").Index(i), networkList[i]).Stricter(StricterRules.FirewallNetworksUnique));
            }
        }

        var rateLimits = config.Firewall.RateLimits ?? [];
        for (var i = 0; i < rateLimits.Count; i++)
        {
            var networkId = firewall.Child("rateLimits").Index(i).Child("networkID");
            if (string.IsNullOrEmpty(rateLimits[i].NetworkId))
            {
                errors.Add(FieldError.Required(networkId, "rate limit network must not be empty"));
            }
            else if (!networks.Contains(rateLimits[i].NetworkId!))
            {
                errors.Add(FieldError.Required(networkId, "rate limit network must be present as cluster network (one of firewall.networks)"));
            }
        }

        var egressRules = config.Firewall.EgressRules ?? [];
        for (var i = 0; i < egressRules.Count; i++)
        {
            var rule = firewall.Child("egressRules").Index(i);
            if (string.IsNullOrEmpty(egressRules[i].NetworkId))
            {
                errors.Add(FieldError.Required(rule.Child("networkID"), "egress rule network must not be empty"));
            }
            else if (!networks.Contains(egressRules[i].NetworkId!))
            {
                errors.Add(FieldError.Required(rule.Child("networkID"), "egress rule network must be present as cluster network (one of firewall.networks)"));
            }

            var ips = egressRules[i].Ips ?? [];
            if (ips.Count == 0)
            {
                errors.Add(FieldError.Required(rule.Child("ips"), "egress rule must contain the IP addresses to use"));
            }

            for (var j = 0; j < ips.Count; j++)
            {
                if (!Syntax.IsIpAddress(ips[j]))
                {
                    errors.Add(FieldError.Required(rule.Child("ips").Index(j), "egress rule contains a malformed ip address: \"" + ips[j] + "\""));
                }
            }
        }

        AddDurationError(errors, firewall.Child("firewallHealthTimeout"), config.Firewall.FirewallHealthTimeout);
        AddDurationError(errors, firewall.Child("firewallCreateTimeout"), config.Firewall.FirewallCreateTimeout);
        return errors;
    }

    /// <summary>
    /// V7–V10: the config against the CloudProfile. On update (<paramref name="old"/> set), image,
    /// size and controllerVersion are checked against the lists only when they changed, so that a
    /// CloudProfile dropping a value does not freeze existing shoots.
    /// </summary>
    public static IReadOnlyList<FieldError> ValidateAgainstCloudProfile(
        InfrastructureConfig config, string? region, CloudProfile cloudProfile, CloudProfileConfig? cloudProfileConfig, FieldPath path, InfrastructureConfig? old = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(cloudProfile);
        ArgumentNullException.ThrowIfNull(path);
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(config.PartitionId))
        {
            return errors; // reported by Validate (V3)
        }

        var partitionPath = path.Child("partitionID");
        var regionEntry = cloudProfile.Spec.Regions?.FirstOrDefault(r => r.Name == region);
        if (regionEntry is not null)
        {
            var zones = (regionEntry.Zones ?? []).Select(z => z.Name ?? string.Empty).ToList();
            if (!zones.Contains(config.PartitionId, StringComparer.Ordinal))
            {
                errors.Add(FieldError.Invalid(partitionPath, config.PartitionId, "supported values: " + GoList(zones)));
            }
        }

        if (cloudProfileConfig is null)
        {
            return errors;
        }

        var found = cloudProfileConfig.FindPartition(config.PartitionId);
        if (found is null)
        {
            errors.Add(FieldError.Invalid(partitionPath, config.PartitionId, "the cloud profile defines no such partition in any metal control plane"));
            return errors;
        }

        var (_, controlPlane, partition) = found.Value;
        var firewall = path.Child("firewall");
        var images = controlPlane.FirewallImages ?? [];
        if (images.Count > 0 && !string.IsNullOrEmpty(config.Firewall.Image) && !images.Contains(config.Firewall.Image, StringComparer.Ordinal)
            && (old is null || old.Firewall.Image != config.Firewall.Image))
        {
            errors.Add(FieldError.Invalid(firewall.Child("image"), config.Firewall.Image, "supported values: " + GoList(images.Order(StringComparer.Ordinal))));
        }

        var types = partition.FirewallTypes ?? [];
        if (types.Count > 0 && !string.IsNullOrEmpty(config.Firewall.Size) && !types.Contains(config.Firewall.Size, StringComparer.Ordinal)
            && (old is null || old.Firewall.Size != config.Firewall.Size))
        {
            errors.Add(FieldError.Invalid(firewall.Child("size"), config.Firewall.Size, "supported values: " + GoList(types.Order(StringComparer.Ordinal))));
        }

        if ((old is null || old.Firewall.ControllerVersion != config.Firewall.ControllerVersion)
            && FirewallControllerVersions.Resolve(controlPlane.FirewallControllerVersions, config.Firewall.ControllerVersion) is null)
        {
            var listed = (controlPlane.FirewallControllerVersions ?? []).Select(v => v.Version ?? string.Empty).ToList();
            errors.Add(string.IsNullOrEmpty(config.Firewall.ControllerVersion) || config.Firewall.ControllerVersion == FirewallControllerVersions.Auto
                ? FieldError.Required(firewall.Child("controllerVersion"), "unable to detect most recent firewallcontrollerversion: the cloud profile lists no supported semver version")
                : FieldError.Required(firewall.Child("controllerVersion"), "firewall controller version \"" + config.Firewall.ControllerVersion + "\" was not found in available versions: " + GoList(listed)));
        }

        return errors;
    }

    /// <summary>V11: projectID and partitionID are immutable.</summary>
    public static IReadOnlyList<FieldError> ValidateUpdate(InfrastructureConfig old, InfrastructureConfig config, FieldPath path)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(path);
        var errors = new List<FieldError>();
        Immutable.Check(errors, path.Child("projectID"), old.ProjectId, config.ProjectId);
        Immutable.Check(errors, path.Child("partitionID"), old.PartitionId, config.PartitionId);
        return errors;
    }

    /// <summary>A list as Go's %v prints it: [a b c].</summary>
    private static string GoList(IEnumerable<string> values) => "[" + string.Join(" ", values) + "]";

    private static void AddDurationError(List<FieldError> errors, FieldPath path, string? value)
    {
        if (value is not null && !Syntax.IsGoDuration(value))
        {
            errors.Add(FieldError.Invalid(path, value, "must be a duration such as 90s, 10m or 1h30m"));
        }
    }
}
