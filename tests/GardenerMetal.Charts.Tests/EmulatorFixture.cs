using GardenerMetal.KubeEmulator;

namespace GardenerMetal.Charts.Tests;

/// <summary>One Kubernetes API emulator (the seed, or garden runtime/virtual cluster) per test class, with a private HOME and kubeconfig.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public KubeEmulatorServer Server { get; private set; } = null!;

    public string Home { get; } = Directory.CreateTempSubdirectory("charts-tests-").FullName;

    public string Kubeconfig => Path.Combine(Home, "kubeconfig");

    public async ValueTask InitializeAsync()
    {
        Server = await KubeEmulatorServer.StartAsync(new KubeEmulatorOptions()).WaitAsync(TimeSpan.FromSeconds(30));
        Server.WriteKubeconfig(Kubeconfig);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
