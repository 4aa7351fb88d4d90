using System.Text;
using GardenerMetal.Provider.Apis.Core;

namespace GardenerMetal.Provider.Validation;

/// <summary>Rule S1 for metal-api credentials secrets, and the CredentialsBinding reference rule.</summary>
public static class SecretValidation
{
    public const string ApiKey = "metalAPIKey";
    public const string ApiHmac = "metalAPIHMac";
    public const string ApiUrl = "metalAPIURL";

    /// <summary>Exactly one of metalAPIHMac/metalAPIKey is set (non-empty); metalAPIURL, if present, is an http(s) URL. Values never appear in errors.</summary>
    public static IReadOnlyList<FieldError> ValidateCloudProviderSecret(Secret secret, FieldPath path)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(path);
        var errors = new List<FieldError>();
        var hasHmac = !string.IsNullOrEmpty(Value(secret, ApiHmac, out var hmacInvalid));
        var hasKey = !string.IsNullOrEmpty(Value(secret, ApiKey, out var keyInvalid));
        if (hmacInvalid)
        {
            errors.Add(FieldError.Invalid(path.Key(ApiHmac), "<redacted>", "must be base64"));
        }

        if (keyInvalid)
        {
            errors.Add(FieldError.Invalid(path.Key(ApiKey), "<redacted>", "must be base64"));
        }

        if (hasHmac && hasKey)
        {
            errors.Add(FieldError.Forbidden(path, "either " + ApiHmac + " or " + ApiKey + " must be set, not both"));
        }
        else if (!hasHmac && !hasKey && !hmacInvalid && !keyInvalid)
        {
            errors.Add(FieldError.Required(path, "either " + ApiHmac + " or " + ApiKey + " must be set"));
        }

        var url = Value(secret, ApiUrl, out var urlInvalid);
        if (urlInvalid || (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))))
        {
            errors.Add(FieldError.Invalid(path.Key(ApiUrl), url ?? string.Empty, "must be an http or https URL"));
        }

        return errors;
    }

    /// <summary>A CredentialsBinding must reference a v1 Secret.</summary>
    public static IReadOnlyList<FieldError> ValidateCredentialsBinding(CredentialsBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        var path = FieldPath.Root("credentialsRef");
        var reference = binding.CredentialsRef;
        if (reference is null)
        {
            return [FieldError.Required(path, "credentialsRef must be set")];
        }

        var errors = new List<FieldError>();
        if (reference.ApiVersion != "v1" || reference.Kind != "Secret")
        {
            errors.Add(FieldError.NotSupported(path, reference.ApiVersion + "/" + reference.Kind, ["v1/Secret"]));
        }

        if (string.IsNullOrEmpty(reference.Name))
        {
            errors.Add(FieldError.Required(path.Child("name"), "the referenced secret must be named"));
        }

        return errors;
    }

    private static string? Value(Secret secret, string key, out bool invalid)
    {
        invalid = false;
        if (secret.StringData?.GetValueOrDefault(key) is { } plain)
        {
            return plain;
        }

        if (secret.Data?.GetValueOrDefault(key) is not { } encoded)
        {
            return null;
        }

        var buffer = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, buffer, out var written))
        {
            invalid = true;
            return null;
        }

        return Encoding.UTF8.GetString(buffer, 0, written);
    }
}
