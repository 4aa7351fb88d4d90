using System.Security.Cryptography;
using System.Text;

namespace GardenerMetal.Provider.Controllers.Worker;

/// <summary>
/// The machine class hash of a pool: the first five hex digits of SHA-256 over everything that needs new machines
/// (as Gardener's <c>WorkerPoolHash</c>; five characters, which provider-metal's keep-worker-hash relies on).
/// </summary>
internal static class WorkerPoolHash
{
    /// <summary>The length of a hash.</summary>
    public const int Length = 5;

    /// <summary>Hashes <paramref name="inputs"/> (name → value; order-independent, names must be unique).</summary>
    public static string Compute(IReadOnlyDictionary<string, string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var text = new StringBuilder();
        foreach (var (name, value) in inputs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            // Length-prefixed so that no value can imitate another field.
            text.Append(name).Append('=').Append(value.Length).Append(':').Append(value).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..Length];
    }

    /// <summary>Whether <paramref name="value"/> looks like a hash (five lowercase hex digits).</summary>
    public static bool IsHash(string? value) =>
        value is { Length: Length } && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>The hash part of <c>&lt;deployment&gt;-&lt;hash&gt;</c>, or null when the class name is not of that form.</summary>
    public static string? FromClassName(string className, string deploymentName)
    {
        ArgumentNullException.ThrowIfNull(className);
        ArgumentNullException.ThrowIfNull(deploymentName);
        var prefix = deploymentName + "-";
        if (!className.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = className[prefix.Length..];
        return IsHash(hash) ? hash : null;
    }
}
