using GardenerMetal.KubeEmulator;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.Kubernetes.Models;
using GardenerMetal.Kubernetes.Tests.Fakes;

namespace GardenerMetal.Kubernetes.Tests.Integration;

/// <summary>One emulator per test class, reached over HTTPS with a client built from its kubeconfig.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new();
    private int _namespaceCounter;

    public KubeEmulatorServer Server { get; private set; } = null!;

    public KubernetesClient Client { get; private set; } = null!;

    public string KubeconfigPath { get; private set; } = null!;

    public ResourceClient<Widget> Widgets => Client.Resource(Widget.Resource, TestJsonContext.Default.Widget);

    public async ValueTask InitializeAsync()
    {
        Server = await KubeEmulatorServer.StartAsync(new KubeEmulatorOptions { BookmarkInterval = TimeSpan.FromMilliseconds(200) }).WaitAsync(StartTimeout);
        KubeconfigPath = Server.WriteKubeconfig(Path.Combine(_dir.Path, "kubeconfig"));
        Client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfigFile(KubeconfigPath));
        await Server.ApplyYamlAsync(Widget.CrdYaml).WaitAsync(StartTimeout);
    }

    /// <summary>Creates a fresh namespace so tests in one class do not see each other's objects.</summary>
    public async Task<string> NewNamespaceAsync()
    {
        var name = $"t{Interlocked.Increment(ref _namespaceCounter)}-{Guid.NewGuid().ToString("N")[..6]}";
        await Client.Namespaces.CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = name } }).WaitAsync(StartTimeout);
        return name;
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        _dir.Dispose();
    }
}
