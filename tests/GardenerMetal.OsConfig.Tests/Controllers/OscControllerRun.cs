using GardenerMetal.Extensions.Hosting;
using GardenerMetal.Kubernetes;
using GardenerMetal.OsConfig.Controllers;
using GardenerMetal.OsConfig.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace GardenerMetal.OsConfig.Tests.Controllers;

/// <summary>
/// The os-metal controllers (one ExtensionController + ExtensionReconciler for the given OSC types, informers, the real actuator) running
/// in a <see cref="ControllerHost"/> against the emulator until disposed. Short backoff so that retries are quick.
/// </summary>
internal sealed class OscControllerRun : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    private OscControllerRun(KubernetesClient client, IReadOnlyList<string> oscTypes)
    {
        var host = new ControllerHost(client, new ControllerHostOptions
        {
            LeaderElection = false,
            HeartbeatRenewInterval = TimeSpan.Zero,
            BackoffBase = TimeSpan.FromMilliseconds(100),
            BackoffMax = TimeSpan.FromMilliseconds(500),
            ShutdownGracePeriod = TimeSpan.FromSeconds(5),
        }, NullLoggerFactory.Instance);
        OsMetalControllers.Register(host, new OperatingSystemConfigActuator(client, NullLogger.Instance), oscTypes);
        _run = host.RunAsync(_stop.Token);
    }

    public static OscControllerRun Start(KubernetesClient client, params string[] oscTypes) =>
        new(client, oscTypes.Length == 0 ? OsMetalControllers.DefaultTypes : oscTypes);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(OscEmulatorFixture.Timeout);
        _stop.Dispose();
    }
}
