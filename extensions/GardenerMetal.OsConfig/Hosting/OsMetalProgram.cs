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
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ControllerHostOptions options;
        IReadOnlyList<string> types;
        KubernetesClientConfiguration configuration;
        try
        {
            (types, var hostArgs) = OsMetalCommandLine.Split(args);
            options = OsMetalControllers.ExpandControllers(ControllerHostOptions.Parse(hostArgs, [OsMetalControllers.ControllerName]), types);
            configuration = options.Kubeconfig is { } path
                ? KubernetesClientConfiguration.FromKubeconfigFile(path)
                : KubernetesClientConfiguration.InCluster();
        }
        catch (Exception ex) when (ex is ArgumentException or KubernetesConfigurationException)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }

        await using var app = Build(options, configuration, types);
        await app.RunAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <summary>Builds the web host with the OSC controllers (exposed for tests).</summary>
    public static WebApplication Build(ControllerHostOptions options, KubernetesClientConfiguration configuration, IReadOnlyList<string> oscTypes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(oscTypes);

        // The host's register callback runs while the web host is being built and gets neither the host's client nor its
        // logger factory; the actuator is created from the built host's services on first use (before any reconcile).
        WebApplication? app = null;
        var actuator = new DeferredActuator<OperatingSystemConfig>(() =>
        {
            var services = app?.Services ?? throw new InvalidOperationException("The os-metal host is not built yet.");
            return new OperatingSystemConfigActuator(
                services.GetRequiredService<KubernetesClient>(),
                services.GetRequiredService<ILoggerFactory>().CreateLogger("GardenerMetal.OsConfig.Actuator"));
        });
        app = ExtensionProgram.Build(options, configuration, host => OsMetalControllers.Register(host, actuator, oscTypes));
        return app;
    }
}
