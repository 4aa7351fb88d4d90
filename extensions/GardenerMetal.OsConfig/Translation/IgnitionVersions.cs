using System.Diagnostics.CodeAnalysis;

namespace GardenerMetal.OsConfig.Translation;

/// <summary>Names of <see cref="IgnitionVersion"/> as used on the command line: <c>2.3.0</c>, <c>3.3.0</c>.</summary>
public static class IgnitionVersions
{
    /// <summary>The default version, <c>2.3.0</c>.</summary>
    public const IgnitionVersion Default = IgnitionVersion.Spec230;

    /// <summary>The accepted names, for error messages.</summary>
    public const string Supported = "\"2.3.0\" (default) and \"3.3.0\"";

    /// <summary>Parses <c>2.3.0</c> or <c>3.3.0</c> (exact).</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out IgnitionVersion? version)
    {
        version = value switch
        {
            "2.3.0" => IgnitionVersion.Spec230,
            "3.3.0" => IgnitionVersion.Spec330,
            _ => null,
        };
        return version is not null;
    }

    /// <summary>The spec version string of <paramref name="version"/>.</summary>
    public static string Name(IgnitionVersion version) => version == IgnitionVersion.Spec330 ? "3.3.0" : "2.3.0";
}
