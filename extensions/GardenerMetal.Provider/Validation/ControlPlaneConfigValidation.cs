using GardenerMetal.Provider.Apis.V1Alpha1;

namespace GardenerMetal.Provider.Validation;

/// <summary>ControlPlaneConfig rules, including V12 (network isolation for anything but baseline).</summary>
public static class ControlPlaneConfigValidation
{
    /// <param name="config">The decoded config.</param>
    /// <param name="infrastructure">The shoot's InfrastructureConfig, for the partition and firewall networks (null: those checks are skipped).</param>
    /// <param name="cloudProfileConfig">The CloudProfile's provider config (null: V12 is skipped).</param>
    /// <param name="path">Path of the controlPlaneConfig.</param>
    public static IReadOnlyList<FieldError> Validate(ControlPlaneConfig config, InfrastructureConfig? infrastructure, CloudProfileConfig? cloudProfileConfig, FieldPath path)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(path);
        var errors = new List<FieldError>();
        var accessPath = path.Child("networkAccessType");
        var access = config.NetworkAccessType;
        if (access is not null && !NetworkAccessTypes.All.Contains(access, StringComparer.Ordinal))
        {
            errors.Add(FieldError.NotSupported(accessPath, access, NetworkAccessTypes.All).Stricter(StricterRules.NetworkAccessTypeValues));
        }

        // As upstream: anything but baseline needs the partition's network isolation, reported twice (the
        // shoot's field and the partition, under upstream's path controlPlaneConfig.metalControlPlanes[..]).
        if (access is not null && access != NetworkAccessTypes.Baseline && cloudProfileConfig is not null && infrastructure is not null
            && cloudProfileConfig.FindPartition(infrastructure.PartitionId) is { Partition.NetworkIsolation: null } found)
        {
            errors.Add(FieldError.Invalid(accessPath, access, "network access type requires partition's networkIsolation to be set"));
            errors.Add(FieldError.Required(
                path.Child("metalControlPlanes").Key(found.Name).Child("partitions").Key(infrastructure.PartitionId!).Child("networkIsolation"),
                "network isolation required if control plane config networkAccess is not baseline"));
        }

        var external = config.CloudControllerManager?.DefaultExternalNetwork;
        if (external is not null && infrastructure is not null && !(infrastructure.Firewall.Networks ?? []).Contains(external, StringComparer.Ordinal))
        {
            errors.Add(FieldError.Invalid(path.Child("cloudControllerManager", "defaultExternalNetwork"), external, "must be one of the firewall networks of the infrastructureConfig")
                .Stricter(StricterRules.DefaultExternalNetwork));
        }

        // customDefaultStorageClass.className may be empty: no default storage class (upstream #444).
        return errors;
    }
}
