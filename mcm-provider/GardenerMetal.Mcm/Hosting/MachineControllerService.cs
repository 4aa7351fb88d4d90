using GardenerMetal.Grpc;
using GardenerMetal.Kubernetes;
using GardenerMetal.Mcm.Controller;
using GardenerMetal.Mcm.Driver;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.Mcm.Hosting;

/// <summary>Runs the <see cref="MachineController"/> in the host, calling the driver over its own gRPC listener (as the sidecar design has it).</summary>
internal sealed class MachineControllerService(KubernetesClient kube, GrpcEndpointAddress driverAddress, MachineControllerOptions options, ILoggerFactory loggers) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var channel = GrpcChannel.ForAddress(driverAddress);
        using var controller = new MachineController(kube, new DriverClient(channel), options, loggers.CreateLogger<MachineController>());
        await controller.RunAsync(stoppingToken);
    }

    public override void Dispose()
    {
        kube.Dispose();
        base.Dispose();
    }
}
