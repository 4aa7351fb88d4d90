using GardenerMetal.KubeEmulator;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.Kubernetes.Controllers;
using GardenerMetal.Kubernetes.Models;
using GardenerMetal.Kubernetes.Selectors;
using GardenerMetal.Kubernetes.Tests.Fakes;

namespace GardenerMetal.Kubernetes.Tests.Integration;

public sealed class InformerIntegrationTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private static ConfigMap NewConfigMap(string ns, string name, string value = "v", Dictionary<string, string>? labels = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns, Labels = labels },
        Data = new Dictionary<string, string> { ["k"] = value },
    };

    private static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for: {what}");
            }

            await Task.Delay(25, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task RunAsync_ExistingAndNewObjects_CacheAndHandlersFollowTheServer()
    {
        var ns = await fixture.NewNamespaceAsync();
        await fixture.Client.ConfigMaps.CreateAsync(NewConfigMap(ns, "pre", labels: new() { ["app"] = "x" })).WaitAsync(Timeout);
        var informer = new Informer<ConfigMap>(fixture.Client.ConfigMaps, new InformerOptions { Namespace = ns, PageSize = 1 });
        var log = new List<string>();
        informer.AddEventHandler(
            onAdd: o => { lock (log) { log.Add($"add {o.Metadata.Name}"); } },
            onUpdate: (o, n) => { lock (log) { log.Add($"update {n.Metadata.Name} {o.Data!["k"]}->{n.Data!["k"]}"); } },
            onDelete: o => { lock (log) { log.Add($"delete {o.Metadata.Name}"); } });
        using var cts = new CancellationTokenSource();
        var run = informer.RunAsync(cts.Token);

        await informer.WaitForSyncAsync().WaitAsync(Timeout);
        Assert.True(informer.HasSynced);
        Assert.NotNull(informer.Get(ns, "pre"));
        var created = await fixture.Client.ConfigMaps.CreateAsync(NewConfigMap(ns, "new")).WaitAsync(Timeout);
        created.Data!["k"] = "v2";
        await fixture.Client.ConfigMaps.ReplaceAsync(created).WaitAsync(Timeout);
        await fixture.Client.ConfigMaps.DeleteAsync(ns, "pre").WaitAsync(Timeout);
        await EventuallyAsync(() => { lock (log) { return log.Count >= 4; } }, "four handler calls");

        Assert.Equal(["add pre", "add new", "update new v->v2", "delete pre"], log);
        Assert.Null(informer.Get(ns, "pre"));
        Assert.Equal("v2", informer.Get(ns, "new")!.Data!["k"]);
        Assert.Equal(["new"], informer.List(ns).Select(c => c.Metadata.Name));
        Assert.Empty(informer.List(ns, LabelSelector.Parse("app=x")));
        await cts.CancelAsync();
        await run.WaitAsync(Timeout);
    }

    [Fact]
    public async Task RunAsync_ResyncPeriod_RedeliversCachedObjectsAsUpdates()
    {
        var ns = await fixture.NewNamespaceAsync();
        await fixture.Client.ConfigMaps.CreateAsync(NewConfigMap(ns, "r")).WaitAsync(Timeout);
        var informer = new Informer<ConfigMap>(fixture.Client.ConfigMaps, new InformerOptions { Namespace = ns, ResyncPeriod = TimeSpan.FromMilliseconds(100) });
        var resyncs = 0;
        informer.AddEventHandler(onUpdate: (o, n) =>
        {
            if (ReferenceEquals(o, n))
            {
                Interlocked.Increment(ref resyncs);
            }
        });
        using var cts = new CancellationTokenSource();
        var run = informer.RunAsync(cts.Token);

        await EventuallyAsync(() => Volatile.Read(ref resyncs) >= 2, "two resyncs");

        await cts.CancelAsync();
        await run.WaitAsync(Timeout);
    }

    [Fact]
    public async Task RunAsync_WatchResourceVersionExpired_RelistsAndKeepsFollowing()
    {
        // Small watch window, no bookmarks, and short watches: while the informer of namespace "a"
        // re-watches, writes in namespace "b" push its resourceVersion out of the window, so the
        // server answers 410 Gone and the informer must relist.
        await using var server = await KubeEmulatorServer.StartAsync(new KubeEmulatorOptions { WatchWindow = 5, BookmarkInterval = TimeSpan.FromHours(1) }).WaitAsync(Timeout);
        using var dir = new TempDirectory();
        using var client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfigFile(server.WriteKubeconfig(Path.Combine(dir.Path, "kc"))));
        foreach (var ns in new[] { "a", "b" })
        {
            await client.Namespaces.CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = ns } }).WaitAsync(Timeout);
        }

        await client.ConfigMaps.CreateAsync(NewConfigMap("a", "first")).WaitAsync(Timeout);
        var informer = new Informer<ConfigMap>(client.ConfigMaps, new InformerOptions { Namespace = "a", WatchTimeout = TimeSpan.FromSeconds(1) });
        using var cts = new CancellationTokenSource();
        var run = informer.RunAsync(cts.Token);
        await informer.WaitForSyncAsync().WaitAsync(Timeout);

        for (var i = 0; i < 20; i++)
        {
            await client.ConfigMaps.CreateAsync(NewConfigMap("b", $"noise-{i}")).WaitAsync(Timeout);
        }

        await EventuallyAsync(() => informer.ListCount >= 2, "a relist after 410 Gone");
        await client.ConfigMaps.CreateAsync(NewConfigMap("a", "after-relist")).WaitAsync(Timeout);
        await EventuallyAsync(() => informer.Get("a", "after-relist") is not null, "the object created after the relist");

        Assert.NotNull(informer.Get("a", "first"));
        Assert.Equal(2, informer.Count);
        await cts.CancelAsync();
        await run.WaitAsync(Timeout);
    }

    [Fact]
    public async Task Informer_FeedingAWorkQueue_ProcessesEachKeyOnce()
    {
        var ns = await fixture.NewNamespaceAsync();
        using var queue = new WorkQueue<string>();
        var informer = new Informer<Widget>(fixture.Widgets, new InformerOptions { Namespace = ns });
        informer.AddEventHandler(onAdd: w => queue.Add(ObjectKey.For(w)), onUpdate: (_, w) => queue.Add(ObjectKey.For(w)));
        using var cts = new CancellationTokenSource();
        var run = informer.RunAsync(cts.Token);
        await informer.WaitForSyncAsync().WaitAsync(Timeout);

        await fixture.Widgets.CreateAsync(new Widget { Metadata = new ObjectMeta { Name = "w1", Namespace = ns }, Spec = new WidgetSpec { Size = "small" } }).WaitAsync(Timeout);
        var (key, shuttingDown) = await queue.GetAsync().AsTask().WaitAsync(Timeout);

        Assert.False(shuttingDown);
        Assert.Equal($"{ns}/w1", key);
        Assert.Equal("small", informer.GetByKey(key)!.Spec!.Size);
        queue.Done(key);
        await cts.CancelAsync();
        await run.WaitAsync(Timeout);
    }
}
