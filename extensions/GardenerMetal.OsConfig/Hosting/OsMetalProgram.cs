using GardenerMetal.Extensions.Hosting;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.OsConfig.Controllers;
using GardenerMetal.OsConfig.Translation;
using GardenerMetal.Extensions.Apis;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.OsConfig.Hosting;

/// <summary>
/// The controller mode of <c>gardener-extension-os-metal</c>: the shared extension flags (<c>--controllers</c>,
/// <c>--kubeconfig</c> or in-cluster, <c>--max-concurrent-reconciles</c>, leader election, heartbeat, health) plus
/// <c>--osc-types</c> and <c>--ignition-version TYPE=VERSION</c>; runs the OperatingSystemConfig controller until SIGTERM.
/// </summary>
public static class OsMetalProgram
{
    /// <summary>Runs the controllers; returns the exit code (2 for bad flags or configuration).</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        IReadOnlyList<string> types = [];
        OscTranslatorOptions? translator = null;
        return ExtensionProgram.RunAsync(
            () =>
            {
                (var options, types, translator) = ParseArguments(args);
                return options;
            },
            (options, configuration) => Build(options, configuration, types, translator),
            cancellationToken);
    }

    /// <summary>
    /// The shared extension flags (os-metal's only controller is <c>operatingsystemconfig</c>) plus <c>--osc-types</c> and
    /// <c>--ignition-version TYPE=VERSION</c> (into the translator options). Throws <see cref="ArgumentException"/> naming the bad flag.
    /// </summary>
    public static (ControllerHostOptions Options, IReadOnlyList<string> OscTypes, OscTranslatorOptions Translator) ParseArguments(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (types, versions, hostArgs) = OsMetalCommandLine.Split(args);
        var translator = new OscTranslatorOptions { IgnitionVersionByType = versions };
        return (ControllerHostOptions.Parse(hostArgs, [OsMetalControllers.ControllerName]), types, translator);
    }

    /// <summary>Builds the web host with the OSC controllers (exposed for tests).</summary>
    public static WebApplication Build(ControllerHostOptions options, KubernetesClientConfiguration configuration, IReadOnlyList<string> oscTypes, OscTranslatorOptions? translatorOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(oscTypes);

        return ExtensionProgram.Build(options, configuration, host => OsMetalControllers.Register(
            host,
            new OperatingSystemConfigActuator(host.Client, host.LoggerFactory.CreateLogger("GardenerMetal.OsConfig.Actuator"), translatorOptions),
            oscTypes));
    }
}
