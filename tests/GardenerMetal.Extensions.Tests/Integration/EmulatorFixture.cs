using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Kubernetes;
using GardenerMetal.Extensions.Tests.TestSupport;
using GardenerMetal.KubeEmulator;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.Kubernetes.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace GardenerMetal.Extensions.Tests.Integration;

/// <summary>One Kubernetes API emulator (127.0.0.1, dynamic port) with Gardener's extension CRDs, shared by a test class.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private int _namespaces;

    public KubeEmulatorServer Server { get; private set; } = null!;

    public KubernetesClientConfiguration Configuration { get; private set; } = null!;

    public KubernetesClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await KubeEmulatorServer.StartAsync(new KubeEmulatorOptions()).WaitAsync(Timeout);
        var kubeconfig = Server.WriteKubeconfig(Path.Combine(Path.GetTempPath(), "gm-ext-" + Guid.NewGuid().ToString("N"), "kubeconfig"));
        Configuration = KubernetesClientConfiguration.FromKubeconfigFile(kubeconfig);
        Client = new KubernetesClient(Configuration, NullLoggerFactory.Instance);
        foreach (var crd in new[] { "clusters", "infrastructures" })
        {
            await Server.ApplyFileAsync(Path.Combine(RepoPaths.Reference, "gardener-crds", $"extensions.gardener.cloud_{crd}.yaml")).WaitAsync(Timeout);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>A fresh shoot namespace with its Cluster; each test works in its own.</summary>
    public async Task<string> NewShootNamespaceAsync(string shootState = "Succeeded")
    {
        var name = "shoot--it--n" + Interlocked.Increment(ref _namespaces);
        await Client.Namespaces.CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = name } }).WaitAsync(Timeout);
        var cluster = Fixtures.Cluster(shootState, name: name);
        await ExtensionResources.ClusterClient(Client).CreateAsync(cluster).WaitAsync(Timeout);
        return name;
    }

    /// <summary>Creates an Infrastructure of type metal with the reconcile annotation.</summary>
    public async Task<Infrastructure> CreateInfrastructureAsync(string @namespace, string name)
    {
        var infra = Fixtures.Infrastructure(name);
        infra.Metadata.Namespace = @namespace;
        return await ExtensionResources.Client<Infrastructure>(Client).CreateAsync(infra).WaitAsync(Timeout);
    }

    public Task<Infrastructure?> GetAsync(string @namespace, string name) =>
        ExtensionResources.Client<Infrastructure>(Client).TryGetAsync(@namespace, name).WaitAsync(Timeout);
}
