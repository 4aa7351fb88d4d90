using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Hosting;
using GardenerMetal.MetalApi;
using GardenerMetal.Provider.Controllers.Infrastructure;
using GardenerMetal.Provider.Controllers.Worker;
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
        using var metalClients = new CachingMetalApiClientFactory();
        return await ExtensionProgram.RunAsync(args, [.. Controllers], host =>
        {
            var infrastructure = new InfrastructureActuator(
                new KubernetesSecretDataReader(host.Client),
                metalClients,
                infrastructureOptions ?? new InfrastructureActuatorOptions(),
                host.LoggerFactory.CreateLogger<InfrastructureActuator>());
            var worker = new WorkerActuator(host.Client, workerOptions ?? new WorkerActuatorOptions(), host.LoggerFactory.CreateLogger<WorkerActuator>());
            host.AddController<Infrastructure>(InfrastructureController, infrastructure, ExtensionType);
            host.AddController<Worker>(WorkerController, worker, ExtensionType);
        }, cancellationToken).ConfigureAwait(false);
    }
}
