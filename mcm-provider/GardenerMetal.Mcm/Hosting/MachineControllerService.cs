using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.LeaderElection;
using GardenerMetal.Kubernetes.Metrics;
using GardenerMetal.Mcm.Controller;
using GardenerMetal.Mcm.Transport;
using static GardenerMetal.Mcm.Driver.V1.Driver;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.Mcm.Hosting;

/// <summary>
/// Runs the <see cref="MachineController"/> in the host, calling the driver over its own gRPC listener (as the sidecar
/// design has it). With <paramref name="election"/> the controller (and its orphan sweep) runs only while this replica
/// holds the Lease: a fresh controller per term, stopped completely before the term ends; after a lost Lease the
/// replica campaigns again.
/// </summary>
internal sealed partial class MachineControllerService(
    KubernetesClient kube,
    GrpcEndpointAddress driverAddress,
    MachineControllerOptions options,
    LeaderElectionOptions? election,
    ControllerRuntimeMetrics metrics,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<MachineControllerService>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var channel = DriverChannel.Create(driverAddress);
        var driver = new DriverClient(channel);
        if (election is null)
        {
            await RunControllerAsync(driver, stoppingToken);
            return;
        }

        var elector = new LeaderElector(kube, election);
        LogCampaigning(_logger, election.Identity, election.LeaseNamespace, election.LeaseName);
        while (!stoppingToken.IsCancellationRequested)
        {
            await elector.RunAsync(
                leading => RunControllerAsync(driver, leading),
                onStoppedLeading: () => LogStoppedLeading(_logger, election.Identity),
                onNewLeader: holder => LogLeader(_logger, holder, election.LeaseNamespace, election.LeaseName),
                cancellationToken: stoppingToken);
        }
    }

    public override void Dispose()
    {
        kube.Dispose();
        base.Dispose();
    }

    private async Task RunControllerAsync(DriverClient driver, CancellationToken cancellationToken)
    {
        using var controller = new MachineController(kube, driver, options, loggers.CreateLogger<MachineController>(), metrics: metrics);
        await controller.RunAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Machine controller of {Identity} waits for lease {Namespace}/{Name}")]
    private static partial void LogCampaigning(ILogger logger, string identity, string @namespace, string name);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Lease {Namespace}/{Name} is held by {Holder}")]
    private static partial void LogLeader(ILogger logger, string holder, string @namespace, string name);

    [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "Machine controller of {Identity} stopped (leadership ended)")]
    private static partial void LogStoppedLeading(ILogger logger, string identity);
}
