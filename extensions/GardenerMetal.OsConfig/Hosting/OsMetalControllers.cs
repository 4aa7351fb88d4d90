using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;
using GardenerMetal.Extensions.Hosting;

namespace GardenerMetal.OsConfig.Hosting;

/// <summary>
/// Registers os-metal's OperatingSystemConfig controller with the extension <see cref="ControllerHost"/>: one controller
/// named <c>operatingsystemconfig</c> for every configured OSC type (one informer, one work queue, one leader Lease
/// <c>&lt;leader-election-id&gt;-operatingsystemconfig</c>).
/// </summary>
public static class OsMetalControllers
{
    /// <summary>The controller name for <c>--controllers</c>.</summary>
    public const string ControllerName = "operatingsystemconfig";

    /// <summary>The OSC types handled when <c>--osc-types</c> is not given.</summary>
    public static IReadOnlyList<string> DefaultTypes { get; } = ["metal", "debian", "ubuntu"];

    /// <summary>Adds the OSC controller handling <paramref name="oscTypes"/>.</summary>
    public static void Register(ControllerHost host, IExtensionActuator<OperatingSystemConfig> actuator, IReadOnlyList<string> oscTypes)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(actuator);
        host.AddController(ControllerName, actuator, oscTypes);
    }
}
