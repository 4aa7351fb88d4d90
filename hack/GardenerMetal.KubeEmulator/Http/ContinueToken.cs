using System.Globalization;
using System.Text;

namespace GardenerMetal.KubeEmulator.Http;

/// <summary>The opaque continue token of a paginated list: the list's resourceVersion and the last key served.</summary>
internal static class ContinueToken
{
    public static string Encode(long resourceVersion, string lastKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(resourceVersion.ToString(CultureInfo.InvariantCulture) + "\n" + lastKey))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static (long ResourceVersion, string LastKey) Decode(string token)
    {
        try
        {
            var b64 = token.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(b64));
            var idx = text.IndexOf('\n', StringComparison.Ordinal);
            return (long.Parse(text[..idx], NumberStyles.None, CultureInfo.InvariantCulture), text[(idx + 1)..]);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException or OverflowException)
        {
            throw ApiException.BadRequest("invalid continue token");
        }
    }
}
