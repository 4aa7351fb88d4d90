using System.Text.RegularExpressions;
using GardenerMetal.OsConfig.Translation;

namespace GardenerMetal.OsConfig.Hosting;

/// <summary>
/// os-metal's own flags, taken out of the command line before the shared extension flags are parsed:
/// <c>--osc-types metal,debian,ubuntu</c> (the OSC <c>spec.type</c>s to handle) and <c>--ignition-version TYPE=VERSION</c>
/// (repeatable; the Ignition spec for one OSC type, <c>2.3.0</c> by default — <c>3.3.0</c> only for images whose Ignition
/// takes the 3.x specs, which metal-stack images do not). Defaults for
/// <c>--extension-name</c> and <c>--leader-election-id</c> (<c>os-metal</c>) are added when not given.
/// </summary>
public static partial class OsMetalCommandLine
{
    /// <summary>The extension name (heartbeat holder identity, leader-election prefix) unless overridden.</summary>
    public const string DefaultExtensionName = "os-metal";

    private const string IgnitionVersionFlag = "--ignition-version";

    /// <summary>Splits <paramref name="args"/> into the OSC types, the Ignition version per type and the remaining (shared) flags.</summary>
    /// <exception cref="ArgumentException">A malformed or empty <c>--osc-types</c> or <c>--ignition-version</c>, naming the flag.</exception>
    public static (IReadOnlyList<string> OscTypes, IReadOnlyDictionary<string, IgnitionVersion> IgnitionVersions, IReadOnlyList<string> HostArgs) Split(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        IReadOnlyList<string>? types = null;
        var versions = new Dictionary<string, IgnitionVersion>(StringComparer.Ordinal);
        var rest = new List<string>(args.Count + 4);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? value;
            if (arg == IgnitionVersionFlag || arg.StartsWith(IgnitionVersionFlag + "=", StringComparison.Ordinal))
            {
                if (arg == IgnitionVersionFlag && (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal)))
                {
                    throw new ArgumentException("--ignition-version needs a value TYPE=VERSION, e.g. --ignition-version metal=2.3.0.");
                }

                var (type, version) = ParseIgnitionVersion(arg == IgnitionVersionFlag ? args[++i] : arg[(IgnitionVersionFlag.Length + 1)..]);
                if (!versions.TryAdd(type, version))
                {
                    throw new ArgumentException($"--ignition-version: type '{type}' is given more than once.");
                }

                continue;
            }

            if (arg == "--osc-types")
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException("--osc-types needs a value, e.g. --osc-types metal,debian,ubuntu.");
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

        types ??= OsMetalControllers.DefaultTypes;
        var unhandled = versions.Keys.FirstOrDefault(t => !types.Contains(t, StringComparer.Ordinal));
        if (unhandled is not null)
        {
            throw new ArgumentException($"--ignition-version: type '{unhandled}' is not one of the handled OSC types ({string.Join(',', types)}; see --osc-types).");
        }

        return (types, versions, rest);
    }

    private static (string Type, IgnitionVersion Version) ParseIgnitionVersion(string value)
    {
        var eq = value.IndexOf('=', StringComparison.Ordinal);
        var type = eq < 0 ? value : value[..eq].Trim();
        if (eq < 0 || !TypeName().IsMatch(type))
        {
            throw new ArgumentException($"--ignition-version: '{value}' is not TYPE=VERSION with an OSC type (lower-case letters, digits and '-'), e.g. metal=2.3.0.");
        }

        var name = value[(eq + 1)..].Trim();
        if (!IgnitionVersions.TryParse(name, out var version))
        {
            throw new ArgumentException($"--ignition-version: unsupported version '{name}' for type '{type}', supported are {IgnitionVersions.Supported}.");
        }

        return (type, version.Value);
    }

    private static string[] ParseTypes(string value)
    {
        var types = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray();
        if (types.Length == 0)
        {
            throw new ArgumentException("--osc-types needs at least one OSC type, e.g. --osc-types metal,debian,ubuntu.");
        }

        var bad = types.FirstOrDefault(t => !TypeName().IsMatch(t));
        if (bad is not null)
        {
            throw new ArgumentException($"--osc-types: '{bad}' is not a valid OSC type (lower-case letters, digits and '-', at most 40 characters).");
        }

        return types;
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex TypeName();
}
