using Microsoft.Extensions.Hosting;

namespace GardenerMetal.KubeEmulator;

/// <summary>A host lifetime that leaves Ctrl-C and SIGTERM to the embedding process (tests, the seed host).</summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
