using System.Text;

namespace GardenerMetal.MetalApi;

/// <summary>Settings of a <see cref="MetalApiClient"/>.</summary>
public sealed record MetalApiClientOptions
{
    /// <summary>metal-api base URL (its <c>--base-path</c> included, e.g. <c>https://metal.example/metal/</c>).</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>HMAC or bearer credentials.</summary>
    public required MetalApiCredentials Credentials { get; init; }

    /// <summary>Timeout of one attempt (request + response body). Default 30 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt, for safe calls only (GET and find). Default 3.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Base of the exponential backoff; each delay is drawn uniformly from [0, min(max, base·2ⁿ)]. Default 100 ms.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Cap of one backoff delay (also caps a server's Retry-After). Default 5 s.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Clock for X-Date and backoff delays. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Builds options from a credentials Secret's data: <c>metalAPIURL</c> plus exactly one of
    /// <c>metalAPIHMac</c> (HMAC, with <paramref name="hmacAuthType"/>, default Metal-Admin as metal-go) or
    /// <c>metalAPIKey</c> (bearer token). Values are trimmed; an empty value counts as absent.
    /// </summary>
    /// <exception cref="MetalApiConfigurationException">A key is missing, both credentials are set, or the URL or auth type is invalid; the message names keys, never values.</exception>
    public static MetalApiClientOptions FromSecretData(IReadOnlyDictionary<string, byte[]> data, string? hmacAuthType = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var url = Text(data, MetalApiSecretKeys.Url);
        var hmac = Text(data, MetalApiSecretKeys.Hmac);
        var token = Text(data, MetalApiSecretKeys.Key);

        if (url is null)
        {
            throw new MetalApiConfigurationException($"secret data is missing '{MetalApiSecretKeys.Url}'");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new MetalApiConfigurationException($"secret data '{MetalApiSecretKeys.Url}' is not an absolute http(s) URL");
        }

        if (hmac is not null && token is not null)
        {
            throw new MetalApiConfigurationException(
                $"secret data must contain exactly one of '{MetalApiSecretKeys.Hmac}' or '{MetalApiSecretKeys.Key}', found both");
        }

        if (hmac is null && token is null)
        {
            throw new MetalApiConfigurationException(
                $"secret data must contain exactly one of '{MetalApiSecretKeys.Hmac}' or '{MetalApiSecretKeys.Key}', found neither");
        }

        var authType = hmacAuthType ?? MetalApiAuthTypes.Default;
        if (hmac is not null && !MetalApiAuthTypes.IsKnown(authType))
        {
            throw new MetalApiConfigurationException(
                $"HMAC auth type '{authType}' is unknown, expected {MetalApiAuthTypes.View}, {MetalApiAuthTypes.Edit} or {MetalApiAuthTypes.Admin}");
        }

        return new MetalApiClientOptions
        {
            BaseAddress = uri,
            Credentials = hmac is not null ? MetalApiCredentials.Hmac(hmac, authType) : MetalApiCredentials.Bearer(token!),
        };
    }

    private static string? Text(IReadOnlyDictionary<string, byte[]> data, string key)
    {
        if (!data.TryGetValue(key, out var bytes) || bytes is null)
        {
            return null;
        }

        string value;
        try
        {
            value = new UTF8Encoding(false, true).GetString(bytes).Trim();
        }
        catch (DecoderFallbackException ex)
        {
            throw new MetalApiConfigurationException($"secret data '{key}' is not valid UTF-8", ex);
        }

        return value.Length == 0 ? null : value;
    }
}
