using System.Text.Json;
using GardenerMetal.Admission.Review;
using GardenerMetal.Admission.Sources;
using GardenerMetal.Provider.Apis.Core;
using GardenerMetal.Provider.Apis.V1Alpha1;
using GardenerMetal.Provider.Defaulting;
using GardenerMetal.Provider.Validation;

namespace GardenerMetal.Admission.Handlers;

/// <summary>
/// Validates Shoot, CloudProfile, SecretBinding, CredentialsBinding and Secret objects of type
/// metal with the shared validation, and defaults Shoots as a JSON patch.
/// </summary>
internal sealed class AdmissionHandler(ICloudProfileSource cloudProfiles, ISecretSource secrets, DefaultingOptions defaults)
{
    private const string CoreGroup = "core.gardener.cloud";
    private const string SecurityGroup = "security.gardener.cloud";

    /// <summary>/webhooks/validate: Shoot, CloudProfile, SecretBinding, CredentialsBinding.</summary>
    public async Task<AdmissionResponse> ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        var uid = request.Uid!;
        if (!IsWrite(request) || request.Object is not { ValueKind: JsonValueKind.Object } obj)
        {
            return Responses.Allowed(uid);
        }

        var old = request.OldObject is { ValueKind: JsonValueKind.Object } o ? o : (JsonElement?)null;
        return (request.Kind?.Group, request.Kind?.Kind) switch
        {
            (CoreGroup, "Shoot") => await ValidateShootAsync(request, Decode(obj, CoreJsonContext.Default.Shoot), Decode(old, CoreJsonContext.Default.Shoot), cancellationToken),
            (CoreGroup, "CloudProfile") => ValidateCloudProfile(request, Decode(obj, CoreJsonContext.Default.CloudProfile), Decode(old, CoreJsonContext.Default.CloudProfile)),
            (CoreGroup, "SecretBinding") => await ValidateSecretBindingAsync(request, Decode(obj, CoreJsonContext.Default.SecretBinding), Decode(old, CoreJsonContext.Default.SecretBinding), cancellationToken),
            (SecurityGroup, "CredentialsBinding") => await ValidateCredentialsBindingAsync(request, Decode(obj, CoreJsonContext.Default.CredentialsBinding), old is not null, cancellationToken),
            _ => Responses.Allowed(uid, "gardener-extension-admission-metal does not validate " + request.Kind?.Kind + " on this path"),
        };
    }

    /// <summary>/webhooks/validate/secrets: S1 for Secrets whose data changed.</summary>
    public static AdmissionResponse ValidateSecret(AdmissionRequest request)
    {
        var uid = request.Uid!;
        if (!IsWrite(request) || request.Object is not { ValueKind: JsonValueKind.Object } obj || request.Kind?.Kind != "Secret")
        {
            return Responses.Allowed(uid);
        }

        var secret = Decode(obj, CoreJsonContext.Default.Secret);
        if (request.OldObject is { ValueKind: JsonValueKind.Object } oldObj)
        {
            var old = Decode(oldObj, CoreJsonContext.Default.Secret);
            if (SameData(old.Data, secret.Data) && secret.StringData is null)
            {
                return Responses.Allowed(uid);
            }
        }

        var errors = SecretValidation.ValidateCloudProviderSecret(secret, FieldPath.Root("data"));
        return errors.Count == 0 ? Responses.Allowed(uid) : Responses.Invalid(uid, request.Kind, secret.Metadata.Name ?? request.Name, errors);
    }

    /// <summary>/webhooks/mutate: Shoot defaults as a JSON patch.</summary>
    public async Task<AdmissionResponse> MutateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        var uid = request.Uid!;
        if (!IsWrite(request) || request.Object is not { ValueKind: JsonValueKind.Object } obj || request.Kind is not { Group: CoreGroup, Kind: "Shoot" })
        {
            return Responses.Allowed(uid);
        }

        var shoot = Decode(obj, CoreJsonContext.Default.Shoot);
        if (shoot.Spec.Provider.Type != MetalProviderApi.ProviderType)
        {
            return Responses.Allowed(uid);
        }

        InfrastructureConfig? infra = null;
        if (shoot.Spec.Provider.InfrastructureConfig is { ValueKind: JsonValueKind.Object } raw)
        {
            // Undecodable configs are left alone here; the validating webhook names every problem.
            infra = ProviderConfigDecoder.DecodeInfrastructureConfig(raw, FieldPath.Root("spec", "provider", "infrastructureConfig")).Value;
        }

        CloudProfileConfig? config = null;
        if (infra is not null && shoot.Spec.EffectiveCloudProfileName is { Length: > 0 } profileName && IsClusterCloudProfile(shoot))
        {
            var (profile, failure) = await LookupAsync(uid, profileName, cancellationToken);
            if (failure is not null)
            {
                return failure;
            }

            if (profile?.Spec.ProviderConfig is { ValueKind: JsonValueKind.Object } profileConfig)
            {
                config = ProviderConfigDecoder.DecodeCloudProfileConfig(profileConfig, FieldPath.Root("spec", "providerConfig")).Value;
            }
        }

        var fields = ShootDefaulting.Compute(shoot, infra, config, defaults);
        if (fields.Count == 0)
        {
            return Responses.Allowed(uid);
        }

        var patch = JsonPatchBuilder.Build(obj, fields);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(patch, ReviewJsonContext.Default.JsonArray);
        return new AdmissionResponse { Uid = uid, Allowed = true, PatchType = "JSONPatch", Patch = Convert.ToBase64String(bytes) };
    }

    private async Task<AdmissionResponse> ValidateShootAsync(AdmissionRequest request, Shoot shoot, Shoot? old, CancellationToken cancellationToken)
    {
        var uid = request.Uid!;
        if (shoot.Spec.Provider.Type != MetalProviderApi.ProviderType)
        {
            return Responses.Allowed(uid);
        }

        var errors = new List<FieldError>();
        CloudProfile? profile = null;
        var profilePath = ShootValidation.CloudProfilePath(shoot);
        if (!IsClusterCloudProfile(shoot))
        {
            errors.Add(FieldError.NotSupported(FieldPath.Root("spec", "cloudProfile", "kind"), shoot.Spec.CloudProfile?.Kind, ["CloudProfile"]));
        }
        else if (shoot.Spec.EffectiveCloudProfileName is not { Length: > 0 } profileName)
        {
            errors.Add(FieldError.Required(profilePath, "a cloud profile must be referenced"));
        }
        else
        {
            (profile, var failure) = await LookupAsync(uid, profileName, cancellationToken);
            if (failure is not null)
            {
                return failure;
            }

            if (profile is null)
            {
                errors.Add(FieldError.Invalid(profilePath, profileName, "no such CloudProfile"));
            }
        }

        errors.AddRange(ShootValidation.Validate(shoot, old, profile));
        return Respond(request, shoot.Metadata.Name, errors, old is null ? null : () => ShootValidation.Validate(old, null, profile));
    }

    private static AdmissionResponse ValidateCloudProfile(AdmissionRequest request, CloudProfile profile, CloudProfile? old)
    {
        if (profile.Spec.Type != MetalProviderApi.ProviderType)
        {
            return Responses.Allowed(request.Uid!);
        }

        var errors = CloudProfileValidation.Validate(profile, old);
        return Respond(request, profile.Metadata.Name, errors, old is null ? null : () => CloudProfileValidation.Validate(old, null));
    }

    private async Task<AdmissionResponse> ValidateSecretBindingAsync(AdmissionRequest request, SecretBinding binding, SecretBinding? old, CancellationToken cancellationToken)
    {
        var uid = request.Uid!;
        if (!IsMetal(binding.Provider?.Type) || (old?.Provider is not null && old.Provider.Type == binding.Provider?.Type))
        {
            return Responses.Allowed(uid);
        }

        var path = FieldPath.Root("secretRef");
        if (binding.SecretRef?.Name is not { Length: > 0 } secretName)
        {
            return Responses.Invalid(uid, request.Kind, binding.Metadata.Name, [FieldError.Required(path.Child("name"), "the secret must be named")]);
        }

        return await ValidateReferencedSecretAsync(request, binding.Metadata.Name, path, binding.SecretRef.Namespace ?? binding.Metadata.Namespace ?? request.Namespace ?? string.Empty, secretName, cancellationToken);
    }

    private async Task<AdmissionResponse> ValidateCredentialsBindingAsync(AdmissionRequest request, CredentialsBinding binding, bool isUpdate, CancellationToken cancellationToken)
    {
        var uid = request.Uid!;
        if (!IsMetal(binding.Provider?.Type) || isUpdate)
        {
            return Responses.Allowed(uid);
        }

        var errors = SecretValidation.ValidateCredentialsBinding(binding);
        if (errors.Count > 0)
        {
            return Responses.Invalid(uid, request.Kind, binding.Metadata.Name, errors);
        }

        var reference = binding.CredentialsRef!;
        return await ValidateReferencedSecretAsync(request, binding.Metadata.Name, FieldPath.Root("credentialsRef"), reference.Namespace ?? binding.Metadata.Namespace ?? request.Namespace ?? string.Empty, reference.Name!, cancellationToken);
    }

    private async Task<AdmissionResponse> ValidateReferencedSecretAsync(AdmissionRequest request, string? bindingName, FieldPath path, string ns, string name, CancellationToken cancellationToken)
    {
        Secret? secret;
        try
        {
            secret = await secrets.GetSecretAsync(ns, name, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Responses.Failed(request.Uid!, 500, "InternalError", "cannot read secret " + ns + "/" + name + " from the garden API (" + ex.GetType().Name + ")");
        }

        if (secret is null)
        {
            return Responses.Invalid(request.Uid!, request.Kind, bindingName, [FieldError.Invalid(path.Child("name"), name, "secret " + ns + "/" + name + " does not exist")]);
        }

        var errors = SecretValidation.ValidateCloudProviderSecret(secret, FieldPath.Root("data"))
            .Select(e => FieldError.Invalid(path, ns + "/" + name, "referenced secret is not valid: " + e))
            .ToList();
        return errors.Count == 0 ? Responses.Allowed(request.Uid!) : Responses.Invalid(request.Uid!, request.Kind, bindingName, errors);
    }

    private async Task<(CloudProfile? Profile, AdmissionResponse? Failure)> LookupAsync(string uid, string name, CancellationToken cancellationToken)
    {
        try
        {
            return (await cloudProfiles.GetCloudProfileAsync(name, cancellationToken), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (null, Responses.Failed(uid, 500, "InternalError", "cannot read CloudProfile \"" + name + "\" from the garden API (" + ex.GetType().Name + "); retry later"));
        }
    }

    /// <summary>
    /// Allowed, or denied with every blocking error. On UPDATE (<paramref name="oldErrors"/> set) errors of
    /// stricter-than-upstream rules on values the old object already had are ratcheted into warnings.
    /// </summary>
    private static AdmissionResponse Respond(AdmissionRequest request, string? name, IReadOnlyList<FieldError> errors, Func<IReadOnlyList<FieldError>>? oldErrors)
    {
        var uid = request.Uid!;
        if (errors.Count == 0)
        {
            return Responses.Allowed(uid);
        }

        var result = oldErrors is null ? new RatchetResult(errors, []) : FieldErrors.Ratchet(errors, oldErrors);
        var warnings = result.Warned.Select(FieldErrors.Warning).ToArray();
        return result.Denied.Count == 0
            ? Responses.Allowed(uid, warnings)
            : Responses.Invalid(uid, request.Kind, name ?? request.Name, result.Denied, warnings);
    }

    /// <summary>
    /// Decodes an object; text the JSON reader cannot turn into a string (a lone surrogate escape such as
    /// <c>\ud800</c>) is bad input like any other and surfaces as a <see cref="JsonException"/>.
    /// </summary>
    private static T Decode<T>(JsonElement element, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        try
        {
            return element.Deserialize(type) ?? throw new JsonException("the object is null", "$", null, null);
        }
        catch (InvalidOperationException ex)
        {
            throw new JsonException("the object holds text that is not valid Unicode", "$", null, null, ex);
        }
    }

    private static T? Decode<T>(JsonElement? element, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class => element is { } value ? Decode(value, type) : null;

    private static bool IsClusterCloudProfile(Shoot shoot) => shoot.Spec.CloudProfile?.Kind is null or "" or "CloudProfile";

    private static bool IsWrite(AdmissionRequest request) => request.Operation is "CREATE" or "UPDATE";

    private static bool IsMetal(string? providerType) =>
        providerType is not null && providerType.Split(',').Any(t => t.Trim() == MetalProviderApi.ProviderType);

    private static bool SameData(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a ?? new Dictionary<string, string>()).All(p => b!.TryGetValue(p.Key, out var v) && v == p.Value);

}
