using System.Text.Json;
using GardenerMetal.Provider.Apis.Core;
using GardenerMetal.Provider.Apis.V1Alpha1;

namespace GardenerMetal.Provider.Validation;

/// <summary>Every rule for a metal Shoot (V1–V13, networking, immutability), all errors at once.</summary>
public static class ShootValidation
{
    /// <summary>The annotation naming the metal tenant (V1).</summary>
    public const string TenantAnnotation = "cluster.metal-stack.io/tenant";

    /// <summary>
    /// Validates <paramref name="shoot"/> (and the transition from <paramref name="old"/> on update)
    /// against <paramref name="cloudProfile"/>. A null cloud profile skips the checks that need it.
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(Shoot shoot, Shoot? old, CloudProfile? cloudProfile)
    {
        ArgumentNullException.ThrowIfNull(shoot);
        var errors = new List<FieldError>();
        var annotations = FieldPath.Root("metadata", "annotations");
        var tenant = shoot.Metadata.Annotations?.GetValueOrDefault(TenantAnnotation);
        if (tenant is null)
        {
            errors.Add(FieldError.Required(annotations.Key(TenantAnnotation), "the shoot must be annotated with its tenant"));
        }
        else if (tenant.Length == 0)
        {
            errors.Add(FieldError.Required(annotations.Key(TenantAnnotation), "the tenant annotation must not be empty").Stricter(StricterRules.TenantNotEmpty));
        }

        if (old is not null && old.Metadata.Annotations?.GetValueOrDefault(TenantAnnotation) is { } oldTenant && tenant is not null && oldTenant != tenant)
        {
            errors.Add(FieldError.Forbidden(annotations.Key(TenantAnnotation), "tenant annotation of a shoot is immutable"));
        }

        var provider = FieldPath.Root("spec", "provider");
        var infraPath = provider.Child("infrastructureConfig");
        var cloudProfileConfig = cloudProfile is null ? null : DecodeCloudProfileConfig(cloudProfile, shoot, errors);
        InfrastructureConfig? infra = null;
        if (!IsSet(shoot.Spec.Provider.InfrastructureConfig))
        {
            errors.Add(FieldError.Required(infraPath, "an InfrastructureConfig must be set for metal shoots"));
        }
        else
        {
            var decoded = ProviderConfigDecoder.DecodeInfrastructureConfig(shoot.Spec.Provider.InfrastructureConfig!.Value, infraPath);
            errors.AddRange(decoded.Errors);
            infra = decoded.Value;
        }

        InfrastructureConfig? oldInfra = null;
        if (old is not null && IsSet(old.Spec.Provider.InfrastructureConfig))
        {
            oldInfra = ProviderConfigDecoder.DecodeInfrastructureConfig(old.Spec.Provider.InfrastructureConfig!.Value, infraPath).Value;
        }

        if (infra is not null)
        {
            errors.AddRange(InfrastructureConfigValidation.Validate(infra, infraPath));
            if (cloudProfile is not null)
            {
                errors.AddRange(InfrastructureConfigValidation.ValidateAgainstCloudProfile(infra, shoot.Spec.Region, cloudProfile, cloudProfileConfig, infraPath, oldInfra));
            }

            if (oldInfra is not null)
            {
                errors.AddRange(InfrastructureConfigValidation.ValidateUpdate(oldInfra, infra, infraPath));
            }
        }

        var controlPlanePath = provider.Child("controlPlaneConfig");
        if (IsSet(shoot.Spec.Provider.ControlPlaneConfig))
        {
            var decoded = ProviderConfigDecoder.DecodeControlPlaneConfig(shoot.Spec.Provider.ControlPlaneConfig!.Value, controlPlanePath);
            errors.AddRange(decoded.Errors);
            if (decoded.Value is not null)
            {
                errors.AddRange(ControlPlaneConfigValidation.Validate(decoded.Value, infra, cloudProfileConfig, controlPlanePath));
            }
        }

        errors.AddRange(WorkerValidation.ValidateWorkers(shoot.Spec.Provider.Workers, cloudProfile, provider.Child("workers"), old?.Spec.Provider.Workers));
        var partition = cloudProfileConfig?.FindPartition(infra?.PartitionId)?.Partition;
        errors.AddRange(NetworkingValidation.Validate(
            shoot.Spec.Networking, shoot.Spec.Kubernetes?.KubeControllerManager?.NodeCidrMaskSize, partition, FieldPath.Root("spec", "networking"), old?.Spec.Networking));
        return errors;
    }

    /// <summary>The path of the shoot's cloud profile reference.</summary>
    public static FieldPath CloudProfilePath(Shoot shoot)
    {
        ArgumentNullException.ThrowIfNull(shoot);
        return shoot.Spec.CloudProfile?.Name is { Length: > 0 } ? FieldPath.Root("spec", "cloudProfile", "name") : FieldPath.Root("spec", "cloudProfileName");
    }

    internal static bool IsSet(JsonElement? element) => element is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined };

    /// <summary>Decoded provider configs per CloudProfile instance (records are immutable; callers cache profiles).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CloudProfile, DecodeResult<CloudProfileConfig>> Decoded = [];

    private static CloudProfileConfig? DecodeCloudProfileConfig(CloudProfile cloudProfile, Shoot shoot, List<FieldError> errors)
    {
        var profilePath = CloudProfilePath(shoot);
        if (!IsSet(cloudProfile.Spec.ProviderConfig))
        {
            errors.Add(FieldError.Invalid(profilePath, cloudProfile.Metadata.Name, "the cloud profile has no metal providerConfig"));
            return null;
        }

        var decoded = Decoded.GetValue(cloudProfile, static p => ProviderConfigDecoder.DecodeCloudProfileConfig(p.Spec.ProviderConfig!.Value, FieldPath.Root("spec", "providerConfig")));
        if (decoded.Value is null)
        {
            errors.Add(FieldError.Invalid(profilePath, cloudProfile.Metadata.Name, "the cloud profile's providerConfig is invalid: " + string.Join("; ", decoded.Errors)));
        }

        return decoded.Value;
    }
}
