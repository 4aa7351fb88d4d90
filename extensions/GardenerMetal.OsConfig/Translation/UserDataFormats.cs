using System.Diagnostics.CodeAnalysis;

namespace GardenerMetal.OsConfig.Translation;

/// <summary>Names of <see cref="UserDataFormat"/> as used in providerConfig.format and on the command line.</summary>
public static class UserDataFormats
{
    /// <summary><c>ignition</c>.</summary>
    public const string IgnitionName = "ignition";

    /// <summary><c>cloud-init</c>.</summary>
    public const string CloudInitName = "cloud-init";

    /// <summary>Parses <c>ignition</c> or <c>cloud-init</c> (exact, lower case).</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out UserDataFormat? format)
    {
        format = value switch
        {
            IgnitionName => UserDataFormat.Ignition,
            CloudInitName => UserDataFormat.CloudInit,
            _ => null,
        };
        return format is not null;
    }

    /// <summary>The wire name of <paramref name="format"/>.</summary>
    public static string Name(UserDataFormat format) => format == UserDataFormat.Ignition ? IgnitionName : CloudInitName;
}
