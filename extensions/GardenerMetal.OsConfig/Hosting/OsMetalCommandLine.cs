using System.Text.RegularExpressions;

namespace GardenerMetal.OsConfig.Hosting;

/// <summary>
/// os-metal's own flags, taken out of the command line before the shared extension flags are parsed:
/// <c>--osc-types metal,debian,ubuntu</c> (the OSC <c>spec.type</c>s to handle). Defaults for
/// <c>--extension-name</c> and <c>--leader-election-id</c> (<c>os-metal</c>) are added when not given.
/// </summary>
public static partial class OsMetalCommandLine
{
    /// <summary>The extension name (heartbeat holder identity, leader-election prefix) unless overridden.</summary>
    public const string DefaultExtensionName = "os-metal";

    /// <summary>Splits <paramref name="args"/> into the OSC types and the remaining (shared) flags.</summary>
    /// <exception cref="ArgumentException">A malformed or empty <c>--osc-types</c>, naming the flag.</exception>
    public static (IReadOnlyList<string> OscTypes, IReadOnlyList<string> HostArgs) Split(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        IReadOnlyList<string>? types = null;
        var rest = new List<string>(args.Count + 4);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? value;
            if (arg == "--osc-types")
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException("--osc-types needs a value, e.g. --osc-types metal,debian,ubuntu.", nameof(args));
                }

                value = args[++i];
            }
            else if (arg.StartsWith("--osc-types=", StringComparison.Ordinal))
            {
                value = arg["--osc-types=".Length..];
            }
            else
            {
                rest.Add(arg);
                continue;
            }

            types = ParseTypes(value);
        }

        if (!rest.Any(a => a == "--extension-name" || a.StartsWith("--extension-name=", StringComparison.Ordinal)))
        {
            rest.Add("--extension-name=" + DefaultExtensionName);
        }

        if (!rest.Any(a => a == "--leader-election-id" || a.StartsWith("--leader-election-id=", StringComparison.Ordinal)))
        {
            rest.Add("--leader-election-id=" + DefaultExtensionName);
        }

        return (types ?? OsMetalControllers.DefaultTypes, rest);
    }

    private static string[] ParseTypes(string value)
    {
        var types = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray();
        if (types.Length == 0)
        {
            throw new ArgumentException("--osc-types needs at least one OSC type, e.g. --osc-types metal,debian,ubuntu.", nameof(value));
        }

        var bad = types.FirstOrDefault(t => !TypeName().IsMatch(t));
        if (bad is not null)
        {
            throw new ArgumentException($"--osc-types: '{bad}' is not a valid OSC type (lower-case letters, digits and '-', at most 40 characters).", nameof(value));
        }

        return types;
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex TypeName();
}
