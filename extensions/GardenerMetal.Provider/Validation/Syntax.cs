using System.Net;
using System.Text.RegularExpressions;

namespace GardenerMetal.Provider.Validation;

/// <summary>Kubernetes name/label syntax, Go durations, IP addresses.</summary>
internal static partial class Syntax
{
    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedNamePart();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^[-+]?(((\\d+(\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h))+|0)$", RegexOptions.CultureInvariant)]
    private static partial Regex GoDuration();

    /// <summary>The problem with <paramref name="key"/> as a label key ([prefix/]name), or null.</summary>
    public static string? QualifiedNameProblem(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "must not be empty";
        }

        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (slash >= 0)
        {
            var prefix = key[..slash];
            if (prefix.Length is 0 or > 253 || !Dns1123Subdomain().IsMatch(prefix))
            {
                return "prefix part must be a DNS subdomain (lower case alphanumerics, '-' and '.', at most 253 characters)";
            }
        }

        return NamePartProblem(name);
    }

    /// <summary>The problem with <paramref name="name"/> as the name part of a qualified name, or null.</summary>
    public static string? NamePartProblem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "name part must not be empty";
        }

        return name.Length > 63 || !QualifiedNamePart().IsMatch(name)
            ? "name part must be at most 63 characters: alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric"
            : null;
    }

    /// <summary>The problem with <paramref name="value"/> as a label value, or null.</summary>
    public static string? LabelValueProblem(string? value) =>
        string.IsNullOrEmpty(value) ? null
        : value.Length > 63 || !QualifiedNamePart().IsMatch(value) ? "must be at most 63 characters: alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric"
        : null;

    public static bool IsGoDuration(string value) => GoDuration().IsMatch(value);

    /// <summary>An address as Go's <c>netip.ParseAddr</c> takes it: <see cref="IsIpAddress"/>, or an IPv6 address with a zone (<c>fe80::1%eth0</c>).</summary>
    public static bool IsNetipAddress(string? value)
    {
        var percent = value?.IndexOf('%', StringComparison.Ordinal) ?? -1;
        return percent < 0
            ? IsIpAddress(value)
            : percent < value!.Length - 1 && value.AsSpan(0, percent).Contains(':') && IsIpAddress(value[..percent]);
    }

    /// <summary>A plain IPv4 (four decimal octets) or IPv6 address, no zone, no prefix.</summary>
    public static bool IsIpAddress(string? value)
    {
        if (string.IsNullOrEmpty(value) || !IPAddress.TryParse(value, out var ip))
        {
            return false;
        }

        if (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            var octets = value.Split('.');
            return octets.Length == 4 && octets.All(o => o.Length is > 0 and <= 3 && o.All(char.IsAsciiDigit) && (o.Length == 1 || o[0] != '0')); // Go rejects leading zeros
        }

        return value.Contains(':', StringComparison.Ordinal) && !value.Contains('%', StringComparison.Ordinal);
    }
}
