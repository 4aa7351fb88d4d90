using System.Text.Json;
using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Kubernetes;
using GardenerMetal.KubeEmulator;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.Kubernetes.Models;
using GardenerMetal.OsConfig.Serialization;
using Microsoft.Extensions.Logging.Abstractions;

namespace GardenerMetal.OsConfig.Tests.Controllers;

/// <summary>
/// One Kubernetes API emulator (127.0.0.1, dynamic port) with Gardener's Cluster and OperatingSystemConfig CRDs from
/// ../shared/reference/gardener-crds, shared by a test class; each test works in its own shoot namespace.
/// </summary>
public sealed class OscEmulatorFixture : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private int _namespaces;

    public KubeEmulatorServer Server { get; private set; } = null!;

    public string KubeconfigPath { get; private set; } = null!;

    public KubernetesClient Client { get; private set; } = null!;

    public ResourceClient<OperatingSystemConfig> Oscs => ExtensionResources.Client<OperatingSystemConfig>(Client);

    public async ValueTask InitializeAsync()
    {
        Server = await KubeEmulatorServer.StartAsync(new KubeEmulatorOptions()).WaitAsync(Timeout);
        KubeconfigPath = Server.WriteKubeconfig(Path.Combine(Path.GetTempPath(), "gm-osc-" + Guid.NewGuid().ToString("N"), "kubeconfig"));
        Client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfigFile(KubeconfigPath), NullLoggerFactory.Instance);
        foreach (var crd in new[] { "clusters", "operatingsystemconfigs" })
        {
            await Server.ApplyFileAsync(Path.Combine(RepoPaths.Reference, "gardener-crds", $"extensions.gardener.cloud_{crd}.yaml")).WaitAsync(Timeout);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(KubeconfigPath)!, recursive: true);
    }

    /// <summary>A fresh shoot namespace with its Cluster (shoot last operation succeeded).</summary>
    public async Task<string> NewShootNamespaceAsync()
    {
        var name = "shoot--os--n" + Interlocked.Increment(ref _namespaces);
        await Client.Namespaces.CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = name } }).WaitAsync(Timeout);
        var cluster = new JsonObject
        {
            ["apiVersion"] = "extensions.gardener.cloud/v1alpha1",
            ["kind"] = "Cluster",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = new JsonObject
            {
                ["cloudProfile"] = new JsonObject { ["kind"] = "CloudProfile" },
                ["seed"] = new JsonObject { ["kind"] = "Seed" },
                ["shoot"] = new JsonObject
                {
                    ["kind"] = "Shoot",
                    ["metadata"] = new JsonObject { ["name"] = "os", ["uid"] = "u-" + name },
                    ["status"] = new JsonObject
                    {
                        ["lastOperation"] = new JsonObject
                        {
                            ["type"] = "Reconcile", ["state"] = "Succeeded", ["progress"] = 100, ["description"] = "d", ["lastUpdateTime"] = "2025-01-01T00:00:00Z",
                        },
                    },
                },
            },
        };
        await ExtensionResources.ClusterClient(Client)
            .CreateAsync(JsonSerializer.Deserialize(cluster.ToJsonString(), ExtensionsJsonContext.Default.Cluster)!)
            .WaitAsync(Timeout);
        return name;
    }

    /// <summary>
    /// The OperatingSystemConfig of a golden case (testdata/&lt;case&gt;), as the typed extension resource, placed in
    /// <paramref name="namespace"/>; read exactly as the golden tests read it, so the expected user data is the golden file.
    /// </summary>
    public static OperatingSystemConfig GoldenOsc(string goldenCase, string @namespace, string? name = null)
    {
        var document = GoldenCase.Input(goldenCase);
        var json = JsonSerializer.Serialize(document.Config, OscJsonContext.Default.OperatingSystemConfig);
        var osc = JsonSerializer.Deserialize(json, ExtensionsJsonContext.Default.OperatingSystemConfig)!;
        osc.ApiVersion = OperatingSystemConfig.GroupVersion;
        osc.Kind = OperatingSystemConfig.KindName;
        osc.Metadata = new ObjectMeta { Name = name ?? document.Config.Metadata?.Name, Namespace = @namespace };
        return osc;
    }

    /// <summary>The Secrets a golden case's OSC file carries beside the OSC (for secretRef contents), placed in <paramref name="namespace"/>.</summary>
    public static IReadOnlyList<Secret> GoldenSecrets(string goldenCase, string @namespace)
    {
        var document = GoldenCase.Input(goldenCase);
        var names = document.Config.Spec?.Files?.Select(f => f.Content?.SecretRef?.Name).OfType<string>().Distinct(StringComparer.Ordinal) ?? [];
        var result = new List<Secret>();
        foreach (var name in names)
        {
            if (document.Secrets.TryGetSecret(name, out var data))
            {
                result.Add(new Secret
                {
                    Metadata = new ObjectMeta { Name = name, Namespace = @namespace },
                    Type = "Opaque",
                    Data = data.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
                });
            }
        }

        return result;
    }

    public Task<OperatingSystemConfig?> GetOscAsync(string @namespace, string name) =>
        Oscs.TryGetAsync(@namespace, name).WaitAsync(Timeout);

    public Task<Secret?> GetSecretAsync(string @namespace, string name) =>
        Client.Secrets.TryGetAsync(@namespace, name).WaitAsync(Timeout);

    /// <summary>Polls <paramref name="condition"/> every 50 ms until it holds; fails naming <paramref name="what"/> after the timeout.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (!await condition().WaitAsync(Timeout))
        {
            if (cts.IsCancellationRequested)
            {
                Assert.Fail("Timed out waiting for: " + what);
            }

            await Task.Delay(50, CancellationToken.None).WaitAsync(Timeout);
        }
    }
}
