using Microsoft.Extensions.Hosting;

namespace GardenerMetal.Extensions.Hosting;

/// <summary>Runs the <see cref="ControllerHost"/> for the web host's lifetime; stopping the host stops the controllers gracefully.</summary>
internal sealed class ControllerHostService(ControllerHost host) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => host.RunAsync(stoppingToken);
}
