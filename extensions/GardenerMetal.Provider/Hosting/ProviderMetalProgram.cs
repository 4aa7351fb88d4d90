using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Hosting;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.MetalApi;
using GardenerMetal.Provider.Controllers.Infrastructure;
using GardenerMetal.Provider.Controllers.Worker;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.Provider.Hosting;

/// <summary>
/// gardener-extension-provider-metal: the Infrastructure and Worker controllers of type <c>metal</c>, each enabled by
/// <c>--controllers</c> so that each can run as its own Deployment with its own leader-election Lease. Every other
/// flag is the extension host's (<see cref="ControllerHostOptions"/>). The binary's Program.cs and the local seed
/// (hack/GardenerMetal.LocalUp) both start it here, so they are wired the same way.
/// </summary>
public static class ProviderMetalProgram
{
    /// <summary>The <c>--controllers</c> name of the Infrastructure controller.</summary>
    public const string InfrastructureController = "infrastructure";

    /// <summary>The <c>--controllers</c> name of the Worker controller.</summary>
    public const string WorkerController = "worker";

    /// <summary>The extension type the controllers handle (<c>spec.type</c>).</summary>
    public const string ExtensionType = "metal";

    /// <summary>Every controller this binary has (the default of <c>--controllers</c>).</summary>
    public static IReadOnlyList<string> Controllers { get; } = [InfrastructureController, WorkerController];

    /// <summary>
    /// Runs the enabled controllers until <paramref name="cancellationToken"/> or SIGTERM; returns the exit code
    /// (2 for bad flags or configuration, which are printed naming the flag).
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <param name="infrastructureOptions">Actuator timings; the defaults when null (the local seed shortens them).</param>
    /// <param name="workerOptions">Actuator timings; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the controllers.</param>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        InfrastructureActuatorOptions? infrastructureOptions = null,
        WorkerActuatorOptions? workerOptions = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ControllerHostOptions options;
        KubernetesClientConfiguration configuration;
        try
        {
            options = ControllerHostOptions.Parse([.. args], [.. Controllers]);
            configuration = options.Kubeconfig is { } path
                ? KubernetesClientConfiguration.FromKubeconfigFile(path)
                : KubernetesClientConfiguration.InCluster();
        }
        catch (Exception ex) when (ex is ArgumentException or KubernetesConfigurationException)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }

        using var loggerFactory = LoggerFactory.Create(b => b.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
        }));
        using var seed = new KubernetesClient(configuration, loggerFactory);
        using var metalClients = new CachingMetalApiClientFactory();
        var infrastructure = new InfrastructureActuator(
            new KubernetesSecretDataReader(seed),
            metalClients,
            infrastructureOptions ?? new InfrastructureActuatorOptions(),
            loggerFactory.CreateLogger<InfrastructureActuator>());
        var worker = new WorkerActuator(seed, workerOptions ?? new WorkerActuatorOptions(), loggerFactory.CreateLogger<WorkerActuator>());

        await using var app = ExtensionProgram.Build(options, configuration, host =>
        {
            host.AddController<Infrastructure>(InfrastructureController, infrastructure, ExtensionType);
            host.AddController<Worker>(WorkerController, worker, ExtensionType);
        });
        await app.RunAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
