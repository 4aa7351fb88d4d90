namespace GardenerMetal.MetalApi;

/// <summary>
/// How the client authenticates: HMAC with a pre-shared key and auth type, or a bearer token.
/// <see cref="ToString"/> never shows the secret.
/// </summary>
public sealed class MetalApiCredentials
{
    private readonly byte[]? _hmacKey;

    private MetalApiCredentials(byte[]? hmacKey, string? authType, string? bearerToken)
    {
        _hmacKey = hmacKey;
        HmacAuthType = authType;
        BearerToken = bearerToken;
    }

    /// <summary>Whether these are HMAC credentials (otherwise bearer).</summary>
    public bool IsHmac => _hmacKey is not null;

    /// <summary>The HMAC auth type (<see cref="MetalApiAuthTypes"/>), or <see langword="null"/> for bearer.</summary>
    public string? HmacAuthType { get; }

    internal string? BearerToken { get; }

    internal ReadOnlySpan<byte> HmacKey => _hmacKey;

    /// <summary>HMAC credentials; <paramref name="authType"/> defaults to <see cref="MetalApiAuthTypes.Default"/>.</summary>
    /// <exception cref="ArgumentException">Empty key or unknown auth type.</exception>
    public static MetalApiCredentials Hmac(string key, string authType = MetalApiAuthTypes.Default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Hmac(System.Text.Encoding.UTF8.GetBytes(key), authType);
    }

    /// <summary>HMAC credentials from raw key bytes.</summary>
    /// <exception cref="ArgumentException">Empty key or unknown auth type.</exception>
    public static MetalApiCredentials Hmac(ReadOnlySpan<byte> key, string authType = MetalApiAuthTypes.Default)
    {
        if (key.IsEmpty)
        {
            throw new ArgumentException("the HMAC key must not be empty", nameof(key));
        }

        if (!MetalApiAuthTypes.IsKnown(authType))
        {
            throw new ArgumentException(
                $"unknown HMAC auth type '{authType}', expected {MetalApiAuthTypes.View}, {MetalApiAuthTypes.Edit} or {MetalApiAuthTypes.Admin}",
                nameof(authType));
        }

        return new MetalApiCredentials(key.ToArray(), authType, null);
    }

    /// <summary>Bearer-token credentials (<c>Authorization: Bearer &lt;token&gt;</c>).</summary>
    /// <exception cref="ArgumentException">Empty token.</exception>
    public static MetalApiCredentials Bearer(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return string.IsNullOrWhiteSpace(token)
            ? throw new ArgumentException("the bearer token must not be empty", nameof(token))
            : new MetalApiCredentials(null, null, token.Trim());
    }

    /// <inheritdoc />
    public override string ToString() => IsHmac ? $"HMAC {HmacAuthType}" : "Bearer";
}
