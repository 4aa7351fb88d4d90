using GardenerMetal.Extensions.Hosting;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.OsConfig.Controllers;
using GardenerMetal.Extensions.Apis;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.OsConfig.Hosting;

/// <summary>
/// The controller mode of <c>gardener-extension-os-metal</c>: the shared extension flags (<c>--controllers</c>,
/// <c>--kubeconfig</c> or in-cluster, <c>--max-concurrent-reconciles</c>, leader election, heartbeat, health) plus
/// <c>--osc-types</c>; runs the OperatingSystemConfig controller until SIGTERM.
/// </summary>
public static class OsMetalProgram
{
    /// <summary>Runs the controllers; returns the exit code (2 for bad flags or configuration).</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        IReadOnlyList<string> types = [];
        return ExtensionProgram.RunAsync(
            () =>
            {
                (var options, types) = ParseArguments(args);
                return options;
            },
            (options, configuration) => Build(options, configuration, types),
            cancellationToken);
    }

    /// <summary>
    /// The shared extension flags (os-metal's only controller is <c>operatingsystemconfig</c>) plus <c>--osc-types</c>.
    /// Throws <see cref="ArgumentException"/> naming the bad flag.
    /// </summary>
    public static (ControllerHostOptions Options, IReadOnlyList<string> OscTypes) ParseArguments(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (types, hostArgs) = OsMetalCommandLine.Split(args);
        return (ControllerHostOptions.Parse(hostArgs, [OsMetalControllers.ControllerName]), types);
    }

    /// <summary>Builds the web host with the OSC controllers (exposed for tests).</summary>
    public static WebApplication Build(ControllerHostOptions options, KubernetesClientConfiguration configuration, IReadOnlyList<string> oscTypes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(oscTypes);

        return ExtensionProgram.Build(options, configuration, host => OsMetalControllers.Register(
            host,
            new OperatingSystemConfigActuator(host.Client, host.LoggerFactory.CreateLogger("GardenerMetal.OsConfig.Actuator")),
            oscTypes));
    }
}
