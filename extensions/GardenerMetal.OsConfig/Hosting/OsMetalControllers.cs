using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;
using GardenerMetal.Extensions.Hosting;

namespace GardenerMetal.OsConfig.Hosting;

/// <summary>
/// Registers os-metal's OperatingSystemConfig controller with the extension <see cref="ControllerHost"/>.
/// The host's controllers handle one <c>spec.type</c> each, so the <c>operatingsystemconfig</c> controller is one host
/// controller per configured OSC type, named <c>operatingsystemconfig-&lt;type&gt;</c> (own work queue, metrics and
/// leader Lease <c>&lt;leader-election-id&gt;-operatingsystemconfig-&lt;type&gt;</c>), all sharing one actuator.
/// </summary>
public static class OsMetalControllers
{
    /// <summary>The controller name for <c>--controllers</c>.</summary>
    public const string ControllerName = "operatingsystemconfig";

    /// <summary>The OSC types handled when <c>--osc-types</c> is not given.</summary>
    public static IReadOnlyList<string> DefaultTypes { get; } = ["metal", "debian", "ubuntu"];

    /// <summary>The host controller that handles OSCs of <paramref name="oscType"/>.</summary>
    public static string ControllerNameFor(string oscType) => ControllerName + "-" + oscType;

    /// <summary>Adds one host controller per OSC type; returns their names.</summary>
    public static IReadOnlyList<string> Register(ControllerHost host, IExtensionActuator<OperatingSystemConfig> actuator, IReadOnlyList<string> oscTypes)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(actuator);
        ArgumentNullException.ThrowIfNull(oscTypes);
        if (oscTypes.Count == 0)
        {
            throw new ArgumentException("At least one OSC type is needed.", nameof(oscTypes));
        }

        var names = new List<string>(oscTypes.Count);
        foreach (var type in oscTypes)
        {
            var name = ControllerNameFor(type);
            host.AddController(name, actuator, type);
            names.Add(name);
        }

        return names;
    }

    /// <summary>
    /// Maps <c>--controllers</c> (which names <see cref="ControllerName"/>) onto the per-type host controllers:
    /// all registered when <c>operatingsystemconfig</c> is enabled (or nothing was selected), none otherwise.
    /// </summary>
    public static ControllerHostOptions ExpandControllers(ControllerHostOptions options, IReadOnlyList<string> oscTypes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(oscTypes);
        var enabled = options.Controllers.Count == 0 || options.Controllers.Contains(ControllerName, StringComparer.Ordinal);
        return options with { Controllers = enabled ? [.. oscTypes.Select(ControllerNameFor)] : [] };
    }
}
