using System.Text;

namespace GardenerMetal.OsConfig.Tests;

/// <summary>
/// MCM's placeholder replacement (machinecontroller/userdata.go): for each placeholder, strings.ReplaceAll on the plain form if it
/// occurs anywhere in the user data, else on the url.QueryEscape form with the url.QueryEscape'd value.
/// </summary>
internal static class McmSubstitution
{
    public const string Token = "abc123.0123456789abcdef";
    public const string MachineName = "shoot--garden--local-worker-a-5d8f-x7k2p";

    /// <summary>Both placeholders replaced as MCM does it.</summary>
    public static byte[] Apply(byte[] userData) =>
        Encoding.UTF8.GetBytes(Apply(Encoding.UTF8.GetString(userData)));

    /// <summary>Both placeholders replaced as MCM does it.</summary>
    public static string Apply(string userData) =>
        Replace(Replace(userData, "<<BOOTSTRAP_TOKEN>>", Token), "<<MACHINE_NAME>>", MachineName);

    /// <summary>What the node should get: the plain placeholders in <paramref name="content"/> replaced by the values.</summary>
    public static byte[] Expected(byte[] content)
    {
        var text = Encoding.Latin1.GetString(content); // byte-preserving
        return Encoding.Latin1.GetBytes(text.Replace("<<BOOTSTRAP_TOKEN>>", Token, StringComparison.Ordinal).Replace("<<MACHINE_NAME>>", MachineName, StringComparison.Ordinal));
    }

    private static string Replace(string userData, string placeholder, string value)
    {
        if (userData.Contains(placeholder, StringComparison.Ordinal))
        {
            return userData.Replace(placeholder, value, StringComparison.Ordinal);
        }

        var escaped = Uri.EscapeDataString(placeholder); // equals url.QueryEscape for these placeholders: %3C%3C..._...%3E%3E
        return userData.Replace(escaped, Uri.EscapeDataString(value), StringComparison.Ordinal);
    }
}
