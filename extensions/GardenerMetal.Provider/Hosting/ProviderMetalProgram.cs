using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Hosting;
using GardenerMetal.MetalApi;
using GardenerMetal.Provider.Controllers.ControlPlane;
using GardenerMetal.Provider.Controllers.Infrastructure;
using GardenerMetal.Provider.Controllers.Worker;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.Provider.Hosting;

/// <summary>
/// gardener-extension-provider-metal: the ControlPlane, Infrastructure and Worker controllers of type <c>metal</c>, each enabled by
/// <c>--controllers</c> so that each can run as its own Deployment with its own leader-election Lease. Every other
/// flag is the extension host's (<see cref="ControllerHostOptions"/>). The binary's Program.cs and the local seed
/// (hack/GardenerMetal.LocalUp) both start it here, so they are wired the same way.
/// </summary>
public static class ProviderMetalProgram
{
    /// <summary>The <c>--controllers</c> name of the ControlPlane controller (with its healthcheck).</summary>
    public const string ControlPlaneController = "controlplane";

    /// <summary>The <c>--controllers</c> name of the Infrastructure controller.</summary>
    public const string InfrastructureController = "infrastructure";

    /// <summary>The <c>--controllers</c> name of the Worker controller.</summary>
    public const string WorkerController = "worker";

    /// <summary>The extension type the controllers handle (<c>spec.type</c>).</summary>
    public const string ExtensionType = "metal";

    /// <summary>Every controller this binary has (the default of <c>--controllers</c>).</summary>
    public static IReadOnlyList<string> Controllers { get; } = [ControlPlaneController, InfrastructureController, WorkerController];

    /// <summary>
    /// Runs the enabled controllers until <paramref name="cancellationToken"/> or SIGTERM; returns the exit code
    /// (2 for bad flags or configuration, which are printed naming the flag).
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <param name="infrastructureOptions">Actuator timings; the defaults when null (the local seed shortens them).</param>
    /// <param name="workerOptions">Actuator timings; the defaults when null.</param>
    /// <param name="controlPlaneOptions">Actuator timings; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the controllers.</param>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        InfrastructureActuatorOptions? infrastructureOptions = null,
        WorkerActuatorOptions? workerOptions = null,
        ControlPlaneActuatorOptions? controlPlaneOptions = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        using var metalClients = new CachingMetalApiClientFactory();
        ImageVector images;
        try
        {
            images = ImageVector.Load();
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException)
        {
            await Console.Error.WriteLineAsync(ImageVector.OverwriteVariable + ": " + ex.Message).ConfigureAwait(false);
            return 2;
        }

        return await ExtensionProgram.RunAsync(args, [.. Controllers], host =>
        {
            var infrastructure = new InfrastructureActuator(
                new KubernetesSecretDataReader(host.Client),
                metalClients,
                infrastructureOptions ?? new InfrastructureActuatorOptions(),
                host.LoggerFactory.CreateLogger<InfrastructureActuator>());
            var worker = new WorkerActuator(host.Client, workerOptions ?? new WorkerActuatorOptions(), host.LoggerFactory.CreateLogger<WorkerActuator>());
            var controlPlane = new ControlPlaneActuator(
                host.Client,
                metalClients,
                images,
                controlPlaneOptions ?? new ControlPlaneActuatorOptions(),
                host.LoggerFactory.CreateLogger<ControlPlaneActuator>());
            var health = new ControlPlaneHealthChecker(host.Client, host.LoggerFactory.CreateLogger<ControlPlaneHealthChecker>());
            host.AddController<ControlPlane>(ControlPlaneController, controlPlane, ExtensionType);
            host.AddCompanion(ControlPlaneController, health.RunAsync);
            host.AddController<Infrastructure>(InfrastructureController, infrastructure, ExtensionType);
            host.AddController<Worker>(WorkerController, worker, ExtensionType);
        }, cancellationToken).ConfigureAwait(false);
    }
}
