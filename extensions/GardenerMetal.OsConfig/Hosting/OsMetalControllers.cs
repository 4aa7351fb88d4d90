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
    /// Maps <c>--controllers</c> onto the per-type host controllers. <see cref="ControllerName"/> is os-metal's only
    /// controller (<c>ControllerHostOptions.Parse</c> rejects other names), so every OSC type's controller runs.
    /// </summary>
    public static ControllerHostOptions ExpandControllers(ControllerHostOptions options, IReadOnlyList<string> oscTypes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(oscTypes);
        var unknown = options.Controllers.Where(c => c != ControllerName).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException($"--controllers: unknown controller(s) {string.Join(", ", unknown)}; known: {ControllerName}.", nameof(options));
        }

        return options with { Controllers = [.. oscTypes.Select(ControllerNameFor)] };
    }
}
