using GardenerMetal.Provider.Apis.Core;
using GardenerMetal.Provider.Apis.V1Alpha1;

namespace GardenerMetal.Provider.Validation;

/// <summary>Worker pool rules: V13 plus our WorkerConfig (roles, hostSelector, networks).</summary>
public static class WorkerValidation
{
    /// <summary>
    /// V13 for every pool, and each pool's providerConfig as a strict WorkerConfig. On update the
    /// image offer is only checked for new pools or changed images.
    /// </summary>
    public static IReadOnlyList<FieldError> ValidateWorkers(IReadOnlyList<Worker>? workers, CloudProfile? cloudProfile, FieldPath path, IReadOnlyList<Worker>? oldWorkers = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var errors = new List<FieldError>();
        workers ??= [];
        var offered = cloudProfile is null ? NoImages : OfferedImages.GetValue(cloudProfile, CollectOfferedImages);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < workers.Count; i++)
        {
            var worker = workers[i];
            var workerPath = path.Index(i);
            if (worker.Name is { Length: > 0 } name && !names.Add(name))
            {
                errors.Add(FieldError.Duplicate(workerPath.Child("name"), name));
            }

            if (worker.Volume is { ValueKind: not System.Text.Json.JsonValueKind.Null })
            {
                errors.Add(FieldError.Required(workerPath.Child("volume"), "volumes are not yet supported and must be nil (the machine size determines the disks)"));
            }

            if (worker.Zones is { Count: > 0 })
            {
                errors.Add(FieldError.Required(workerPath.Child("zones"), "zone spreading is not supported, specify partition via infrastructure config"));
            }

            var image = worker.Machine?.Image;
            var old = oldWorkers?.FirstOrDefault(w => w.Name == worker.Name);
            var imageChanged = old is null || old.Machine?.Image?.Name != image?.Name || old.Machine?.Image?.Version != image?.Version;
            if (cloudProfile is not null && imageChanged && !offered.Contains(image?.Name + "-" + image?.Version))
            {
                errors.Add(FieldError.Required(workerPath.Child("machine", "image"),
                    "machine image " + image?.Name + " in version " + image?.Version + " not offered, available images are: [" + string.Join(" ", offered) + "]"));
            }

            if (worker.ProviderConfig is { ValueKind: not System.Text.Json.JsonValueKind.Null } raw)
            {
                var configPath = workerPath.Child("providerConfig");
                var decoded = ProviderConfigDecoder.DecodeWorkerConfig(raw, configPath);
                errors.AddRange(decoded.Errors.Select(e => e.Stricter(StricterRules.WorkerConfigDecoding)));
                if (decoded.Value is not null)
                {
                    errors.AddRange(ValidateWorkerConfig(decoded.Value, configPath));
                }
            }
        }

        return errors;
    }

    /// <summary>"name-version" of every machine image a CloudProfile offers, per CloudProfile instance (records are immutable; callers cache profiles).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CloudProfile, SortedSet<string>> OfferedImages = [];

    private static readonly SortedSet<string> NoImages = new(StringComparer.Ordinal);

    private static SortedSet<string> CollectOfferedImages(CloudProfile cloudProfile)
    {
        var offered = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var image in cloudProfile.Spec.MachineImages ?? [])
        {
            foreach (var version in image.Versions ?? [])
            {
                offered.Add(image.Name + "-" + version.Version);
            }
        }

        return offered;
    }

    /// <summary>Roles are valid, unique label name parts; the host selector is a well-formed label selector; networks are unique and non-empty.</summary>
    public static IReadOnlyList<FieldError> ValidateWorkerConfig(WorkerConfig config, FieldPath path)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(path);
        var errors = new List<FieldError>();
        var roles = config.Roles ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < roles.Count; i++)
        {
            var rolePath = path.Child("roles").Index(i);
            if (Syntax.NamePartProblem(roles[i]) is { } problem)
            {
                errors.Add(FieldError.Invalid(rolePath, roles[i], "a role becomes the label key " + NodeRoles.LabelPrefix + "<role>: " + problem).Stricter(StricterRules.WorkerRoles));
            }
            else if (!seen.Add(roles[i]))
            {
                errors.Add(FieldError.Duplicate(rolePath, roles[i]).Stricter(StricterRules.WorkerRoles));
            }
        }

        if (config.HostSelector is { } selector)
        {
            errors.AddRange(ValidateHostSelector(selector, path.Child("hostSelector")).Select(e => e.Stricter(StricterRules.HostSelector)));
        }

        var networks = config.Networks ?? [];
        seen.Clear();
        for (var i = 0; i < networks.Count; i++)
        {
            var networkPath = path.Child("networks").Index(i);
            if (string.IsNullOrEmpty(networks[i]))
            {
                errors.Add(FieldError.Required(networkPath, "network ID must not be empty").Stricter(StricterRules.WorkerNetworks));
            }
            else if (!seen.Add(networks[i]))
            {
                errors.Add(FieldError.Duplicate(networkPath, networks[i]).Stricter(StricterRules.WorkerNetworks));
            }
        }

        return errors;
    }

    /// <summary>A well-formed label selector: valid keys and values; In/NotIn need values, Exists/DoesNotExist forbid them.</summary>
    public static IReadOnlyList<FieldError> ValidateHostSelector(HostSelector selector, FieldPath path)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(path);
        var errors = new List<FieldError>();
        foreach (var (key, value) in (selector.MatchLabels ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var labelPath = path.Child("matchLabels");
            if (Syntax.QualifiedNameProblem(key) is { } keyProblem)
            {
                errors.Add(FieldError.Invalid(labelPath, key, "invalid label key: " + keyProblem));
            }

            if (Syntax.LabelValueProblem(value) is { } valueProblem)
            {
                errors.Add(FieldError.Invalid(labelPath.Key(key), value, "invalid label value: " + valueProblem));
            }
        }

        var expressions = selector.MatchExpressions ?? [];
        for (var i = 0; i < expressions.Count; i++)
        {
            var expression = expressions[i];
            var expressionPath = path.Child("matchExpressions").Index(i);
            if (Syntax.QualifiedNameProblem(expression.Key) is { } keyProblem)
            {
                errors.Add(FieldError.Invalid(expressionPath.Child("key"), expression.Key, "invalid label key: " + keyProblem));
            }

            var values = expression.Values ?? [];
            switch (expression.Operator)
            {
                case HostSelectorOperators.In or HostSelectorOperators.NotIn when values.Count == 0:
                    errors.Add(FieldError.Required(expressionPath.Child("values"), "must be specified when operator is In or NotIn"));
                    break;
                case HostSelectorOperators.Exists or HostSelectorOperators.DoesNotExist when values.Count > 0:
                    errors.Add(FieldError.Forbidden(expressionPath.Child("values"), "may not be specified when operator is Exists or DoesNotExist"));
                    break;
                case HostSelectorOperators.In or HostSelectorOperators.NotIn or HostSelectorOperators.Exists or HostSelectorOperators.DoesNotExist:
                    break;
                default:
                    errors.Add(FieldError.NotSupported(expressionPath.Child("operator"), expression.Operator, HostSelectorOperators.All));
                    break;
            }

            for (var j = 0; j < values.Count; j++)
            {
                if (Syntax.LabelValueProblem(values[j]) is { } valueProblem)
                {
                    errors.Add(FieldError.Invalid(expressionPath.Child("values").Index(j), values[j], "invalid label value: " + valueProblem));
                }
            }
        }

        return errors;
    }
}
