using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GardenerMetal.MetalApi;

/// <summary>
/// metal-api's HMAC scheme (metal-stack/security <c>mac.go</c>): the signature is
/// <c>hex(HMAC-SHA256(key, X-Date ‖ METHOD ‖ X-Data-Salt))</c> with no separators; the body is not signed.
/// X-Date is RFC 3339 in UTC with second precision (Go's <c>time.RFC3339</c>); the salt is 24 random ASCII letters.
/// </summary>
public static class MetalHmac
{
    /// <summary>The header carrying <c>&lt;auth type&gt; &lt;hex mac&gt;</c>.</summary>
    public const string AuthorizationHeader = "Authorization";

    /// <summary>The header carrying the signed timestamp.</summary>
    public const string DateHeader = "X-Date";

    /// <summary>The header carrying the random salt.</summary>
    public const string SaltHeader = "X-Data-Salt";

    /// <summary>Length of the salt upstream generates.</summary>
    public const int SaltLength = 24;

    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>Formats a timestamp as Go's <c>t.UTC().Format(time.RFC3339)</c> does, e.g. <c>2026-01-02T15:04:05Z</c>.</summary>
    public static string FormatTimestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Creates a fresh salt of 24 letters from <c>[a-zA-Z]</c> using a cryptographic RNG.</summary>
    public static string CreateSalt() => new(RandomNumberGenerator.GetItems<char>(Letters, SaltLength));

    /// <summary>Computes the lower-case hex HMAC-SHA256 over <c>timestamp ‖ method ‖ salt</c>.</summary>
    public static string ComputeSignature(ReadOnlySpan<byte> key, string timestamp, string method, string salt)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(salt);
        var data = Encoding.UTF8.GetBytes(string.Concat(timestamp, method, salt));
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, data, mac);
        return Convert.ToHexStringLower(mac);
    }
}
