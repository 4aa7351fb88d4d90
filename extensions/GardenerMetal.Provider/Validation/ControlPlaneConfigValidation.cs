using GardenerMetal.Provider.Apis.V1Alpha1;

namespace GardenerMetal.Provider.Validation;

/// <summary>ControlPlaneConfig rules, including V12 (network isolation for restricted/forbidden).</summary>
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
            errors.Add(FieldError.NotSupported(accessPath, access, NetworkAccessTypes.All));
        }
        else if (access is NetworkAccessTypes.Restricted or NetworkAccessTypes.Forbidden && cloudProfileConfig is not null && infrastructure is not null)
        {
            var found = cloudProfileConfig.FindPartition(infrastructure.PartitionId);
            if (found is { Partition.NetworkIsolation: null })
            {
                errors.Add(FieldError.Invalid(accessPath, access, "requires the cloud profile to define networkIsolation for partition \"" + infrastructure.PartitionId + "\""));
            }
        }

        var external = config.CloudControllerManager?.DefaultExternalNetwork;
        if (external is not null && infrastructure is not null && !(infrastructure.Firewall.Networks ?? []).Contains(external, StringComparer.Ordinal))
        {
            errors.Add(FieldError.Invalid(path.Child("cloudControllerManager", "defaultExternalNetwork"), external, "must be one of the firewall networks of the infrastructureConfig"));
        }

        if (config.CustomDefaultStorageClass is { } storageClass && string.IsNullOrEmpty(storageClass.ClassName))
        {
            errors.Add(FieldError.Required(path.Child("customDefaultStorageClass", "className"), "the name of the default storage class must be given"));
        }

        return errors;
    }
}
