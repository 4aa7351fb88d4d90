using System.Buffers;

namespace GardenerMetal.Kubernetes.Selectors;

/// <summary>Label key/value syntax checks (qualified names, ≤ 63 characters, alphanumeric ends).</summary>
internal static class LabelSyntax
{
    private static readonly SearchValues<char> NameChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");
    private static readonly SearchValues<char> DnsChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-.");

    public static void ValidateKey(string key, string argument)
    {
        ArgumentNullException.ThrowIfNull(key, argument);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (slash >= 0)
        {
            var prefix = key[..slash];
            if (prefix.Length is 0 or > 253 || prefix.AsSpan().ContainsAnyExcept(DnsChars) || !char.IsAsciiLetterOrDigit(prefix[0]) || !char.IsAsciiLetterOrDigit(prefix[^1]))
            {
                throw new ArgumentException($"Label key '{key}': prefix must be a DNS subdomain.", argument);
            }
        }

        if (!IsName(name) || name.Length == 0)
        {
            throw new ArgumentException($"Label key '{key}': name must be 1-63 characters [A-Za-z0-9-_.] starting and ending alphanumeric.", argument);
        }
    }

    public static void ValidateValue(string value, string argument)
    {
        ArgumentNullException.ThrowIfNull(value, argument);
        if (value.Length > 0 && !IsName(value))
        {
            throw new ArgumentException($"Label value '{value}': must be at most 63 characters [A-Za-z0-9-_.] starting and ending alphanumeric.", argument);
        }
    }

    private static bool IsName(string s)
        => s.Length <= 63 && (s.Length == 0 || (!s.AsSpan().ContainsAnyExcept(NameChars) && char.IsAsciiLetterOrDigit(s[0]) && char.IsAsciiLetterOrDigit(s[^1])));
}
