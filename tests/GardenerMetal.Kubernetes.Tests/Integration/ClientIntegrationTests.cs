using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.Kubernetes.Errors;
using GardenerMetal.Kubernetes.Models;
using GardenerMetal.Kubernetes.Tests.Fakes;

namespace GardenerMetal.Kubernetes.Tests.Integration;

/// <summary>Every client semantic against the Kubernetes API emulator over HTTPS.</summary>
public sealed class ClientIntegrationTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private static ConfigMap NewConfigMap(string ns, string name, Dictionary<string, string>? labels = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns, Labels = labels },
        Data = new Dictionary<string, string> { ["k"] = "v" },
    };

    private static Widget NewWidget(string ns, string name, string size = "small") => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns },
        Spec = new WidgetSpec { Size = size, Replicas = 1 },
    };

    [Fact]
    public async Task CreateGetReplace_TypedSecret_RoundTripsAndBumpsResourceVersion()
    {
        var ns = await fixture.NewNamespaceAsync();
        var created = await fixture.Client.Secrets.CreateAsync(new Secret
        {
            Metadata = new ObjectMeta { Name = "creds", Namespace = ns, Labels = new Dictionary<string, string> { ["a"] = "b" } },
            Data = new Dictionary<string, byte[]> { ["token"] = [1, 2, 3] },
            Type = "Opaque",
        }).WaitAsync(Timeout);

        var read = await fixture.Client.Secrets.GetAsync(ns, "creds").WaitAsync(Timeout);
        read.Data!["token"] = [4];
        var replaced = await fixture.Client.Secrets.ReplaceAsync(read).WaitAsync(Timeout);

        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.NotNull(created.Metadata.CreationTimestamp);
        Assert.Equal([1, 2, 3], read.Metadata.ResourceVersion == created.Metadata.ResourceVersion ? created.Data!["token"] : null);
        Assert.NotEqual(created.Metadata.ResourceVersion, replaced.Metadata.ResourceVersion);
        Assert.Equal([4], replaced.Data!["token"]);
        Assert.Equal(created.Metadata.Uid, replaced.Metadata.Uid);
    }

    [Fact]
    public async Task ReplaceAsync_StaleResourceVersion_ThrowsConflict()
    {
        var ns = await fixture.NewNamespaceAsync();
        var v1 = await fixture.Client.ConfigMaps.CreateAsync(NewConfigMap(ns, "cm")).WaitAsync(Timeout);
        var fresh = await fixture.Client.ConfigMaps.GetAsync(ns, "cm").WaitAsync(Timeout);
        fresh.Data!["k"] = "v2";
        await fixture.Client.ConfigMaps.ReplaceAsync(fresh).WaitAsync(Timeout);

        v1.Data!["k"] = "stale";
        var ex = await Assert.ThrowsAsync<KubernetesConflictException>(() => fixture.Client.ConfigMaps.ReplaceAsync(v1)).WaitAsync(Timeout);

        Assert.Equal(409, ex.StatusCode);
        Assert.False(ex.IsRetryable);
    }

    [Fact]
    public async Task CreateAsync_ExistingName_ThrowsAlreadyExists()
    {
        var ns = await fixture.NewNamespaceAsync();
        await fixture.Client.ConfigMaps.CreateAsync(NewConfigMap(ns, "dup")).WaitAsync(Timeout);

        var ex = await Assert.ThrowsAsync<KubernetesAlreadyExistsException>(() => fixture.Client.ConfigMaps.CreateAsync(NewConfigMap(ns, "dup"))).WaitAsync(Timeout);

        Assert.Equal("AlreadyExists", ex.Reason);
    }

    [Fact]
    public async Task GetAsync_Missing_ThrowsNotFound()
    {
        var ns = await fixture.NewNamespaceAsync();

        var ex = await Assert.ThrowsAsync<KubernetesNotFoundException>(() => fixture.Client.ConfigMaps.GetAsync(ns, "nope")).WaitAsync(Timeout);

        Assert.Equal("NotFound", ex.Reason);
        Assert.Null(await fixture.Client.ConfigMaps.TryGetAsync(ns, "nope").WaitAsync(Timeout));
    }

    [Fact]
    public async Task AnyRequest_WrongToken_ThrowsUnauthorizedWithoutTheToken()
    {
        var config = KubernetesClientConfiguration.FromKubeconfigFile(fixture.KubeconfigPath);
        using var client = new KubernetesClient(new KubernetesClientConfiguration
        {
            Server = config.Server,
            CertificateAuthorities = config.CertificateAuthorities,
            Token = "wrong-token-value",
        });

        var ex = await Assert.ThrowsAsync<KubernetesUnauthorizedException>(() => client.Namespaces.GetAsync(null, "default")).WaitAsync(Timeout);

        Assert.Equal(401, ex.StatusCode);
        Assert.DoesNotContain("wrong-token-value", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Server.Token, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tls_ServerCertificateFromAnotherCa_IsRejected()
    {
        using var otherCa = TestCertificates.CreateCa("not-the-emulator");
        using var client = new KubernetesClient(new KubernetesClientConfiguration
        {
            Server = fixture.Server.BaseAddress,
            CertificateAuthorities = [otherCa],
            Token = fixture.Server.Token,
        });

        var ex = await Assert.ThrowsAsync<KubernetesConnectionException>(() => client.Namespaces.GetAsync(null, "default")).WaitAsync(Timeout);

        Assert.True(ex.IsRetryable);
        Assert.Equal(0, ex.StatusCode);
    }

    [Fact]
    public async Task ListAsync_LabelAndFieldSelectors_FilterOnTheServer()
    {
        var ns = await fixture.NewNamespaceAsync();
        await fixture.Client.ConfigMaps.CreateAsync(NewConfigMap(ns, "web-1", new() { ["app"] = "web", ["tier"] = "a" })).WaitAsync(Timeout);
        await fixture.Client.ConfigMaps.CreateAsync(NewConfigMap(ns, "web-2", new() { ["app"] = "web", ["tier"] = "b" })).WaitAsync(Timeout);
        await fixture.Client.ConfigMaps.CreateAsync(NewConfigMap(ns, "db-1", new() { ["app"] = "db" })).WaitAsync(Timeout);

        var web = await fixture.Client.ConfigMaps.ListAsync(ns, new ListOptions { LabelSelector = "app=web,tier notin (b)" }).WaitAsync(Timeout);
        var byName = await fixture.Client.ConfigMaps.ListAsync(ns, new ListOptions { FieldSelector = "metadata.name=db-1" }).WaitAsync(Timeout);

        Assert.Equal(["web-1"], web.Items.Select(i => i.Metadata.Name));
        Assert.Equal(["db-1"], byName.Items.Select(i => i.Metadata.Name));
        Assert.False(string.IsNullOrEmpty(web.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task ListAsync_LimitAndContinue_PagesThroughEverything()
    {
        var ns = await fixture.NewNamespaceAsync();
        for (var i = 0; i < 7; i++)
        {
            await fixture.Client.ConfigMaps.CreateAsync(NewConfigMap(ns, $"cm-{i}")).WaitAsync(Timeout);
        }

        var first = await fixture.Client.ConfigMaps.ListAsync(ns, new ListOptions { Limit = 3 }).WaitAsync(Timeout);
        var all = new List<string>();
        await foreach (var cm in fixture.Client.ConfigMaps.ListAllAsync(ns, new ListOptions { Limit = 3 }).WithCancellation(TestContext.Current.CancellationToken))
        {
            all.Add(cm.Metadata.Name!);
        }

        Assert.Equal(3, first.Items.Count);
        Assert.False(string.IsNullOrEmpty(first.Metadata.Continue));
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"cm-{i}").Order(), all.Order());
    }

    [Fact]
    public async Task PatchAsync_MergeAndJsonPatch_ChangeTheObject()
    {
        var ns = await fixture.NewNamespaceAsync();
        await fixture.Client.ConfigMaps.CreateAsync(NewConfigMap(ns, "p")).WaitAsync(Timeout);

        var merged = await fixture.Client.ConfigMaps.PatchAsync(ns, "p", KubernetesPatch.Merge(new JsonObject
        {
            ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["patched"] = "yes" } },
            ["data"] = new JsonObject { ["k"] = null, ["n"] = "1" },
        })).WaitAsync(Timeout);
        var jsonPatched = await fixture.Client.ConfigMaps.PatchAsync(ns, "p", KubernetesPatch.Json(new JsonArray(
            new JsonObject { ["op"] = "test", ["path"] = "/data/n", ["value"] = "1" },
            new JsonObject { ["op"] = "replace", ["path"] = "/data/n", ["value"] = "2" }))).WaitAsync(Timeout);
        var failedTest = KubernetesPatch.Json(new JsonArray(new JsonObject { ["op"] = "test", ["path"] = "/data/n", ["value"] = "999" }));

        Assert.Equal("yes", merged.Metadata.Labels!["patched"]);
        Assert.False(merged.Data!.ContainsKey("k"));
        Assert.Equal("2", jsonPatched.Data!["n"]);
        await Assert.ThrowsAnyAsync<KubernetesApiException>(() => fixture.Client.ConfigMaps.PatchAsync(ns, "p", failedTest)).WaitAsync(Timeout);
    }

    [Fact]
    public async Task CustomResource_TypedGeneric_CreatesAndRoundTripsUnknownSpecFields()
    {
        var ns = await fixture.NewNamespaceAsync();
        var untyped = fixture.Client.Resource(Widget.Resource);
        await untyped.CreateAsync(new JsonObject
        {
            ["apiVersion"] = "test.gardener-metal.io/v1",
            ["kind"] = "Widget",
            ["metadata"] = new JsonObject { ["name"] = "w", ["namespace"] = ns },
            ["spec"] = new JsonObject { ["size"] = "small", ["extra"] = "keep-me" },
        }).WaitAsync(Timeout);

        var typed = await fixture.Widgets.GetAsync(ns, "w").WaitAsync(Timeout);
        typed.Spec!.Replicas = 3;
        await fixture.Widgets.ReplaceAsync(typed).WaitAsync(Timeout);
        var after = await untyped.GetAsync(ns, "w").WaitAsync(Timeout);

        Assert.Equal("keep-me", after["spec"]!["extra"]!.GetValue<string>());
        Assert.Equal(3, after["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal(2, after["metadata"]!["generation"]!.GetValue<long>());
    }

    [Fact]
    public async Task CreateAsync_SchemaViolation_ThrowsInvalidWithFieldCauses()
    {
        var ns = await fixture.NewNamespaceAsync();
        var bad = NewWidget(ns, "bad", size: "huge");

        var ex = await Assert.ThrowsAsync<KubernetesInvalidException>(() => fixture.Widgets.CreateAsync(bad)).WaitAsync(Timeout);

        Assert.Equal(422, ex.StatusCode);
        Assert.Contains(ex.Causes, c => c.Field == "spec.size");
    }

    [Fact]
    public async Task StatusSubresource_UpdateAndPatch_TouchOnlyStatusAndMainEndpointIgnoresStatus()
    {
        var ns = await fixture.NewNamespaceAsync();
        var w = await fixture.Widgets.CreateAsync(NewWidget(ns, "s")).WaitAsync(Timeout);

        w.Status = new WidgetStatus { Phase = "Ready", ObservedGeneration = w.Metadata.Generation };
        w.Spec!.Replicas = 5; // ignored by /status
        var afterStatus = await fixture.Widgets.ReplaceStatusAsync(w).WaitAsync(Timeout);
        var patched = await fixture.Widgets.PatchStatusAsync(ns, "s", KubernetesPatch.Merge(new JsonObject { ["status"] = new JsonObject { ["phase"] = "Patched" } })).WaitAsync(Timeout);
        patched.Status = new WidgetStatus { Phase = "IgnoredByMainEndpoint" };
        var afterMain = await fixture.Widgets.ReplaceAsync(patched).WaitAsync(Timeout);

        Assert.Equal("Ready", afterStatus.Status!.Phase);
        Assert.Equal(1, afterStatus.Spec!.Replicas);
        Assert.Equal(1, afterStatus.Metadata.Generation);
        Assert.Equal("Patched", patched.Metadata.ResourceVersion is not null ? (await fixture.Widgets.GetAsync(ns, "s").WaitAsync(Timeout)).Status!.Phase : null);
        Assert.Equal("Patched", afterMain.Status!.Phase);
    }

    [Fact]
    public async Task DeleteAsync_WithFinalizer_KeepsObjectWithDeletionTimestampUntilFinalizerRemoved()
    {
        var ns = await fixture.NewNamespaceAsync();
        var w = NewWidget(ns, "f");
        w.Metadata.Finalizers = ["extensions.gardener.cloud/widget"];
        await fixture.Widgets.CreateAsync(w).WaitAsync(Timeout);

        var remaining = await fixture.Widgets.DeleteAsync(ns, "f").WaitAsync(Timeout);
        var terminating = await fixture.Widgets.GetAsync(ns, "f").WaitAsync(Timeout);
        terminating.Metadata.Finalizers!.Clear();
        await fixture.Widgets.ReplaceAsync(terminating).WaitAsync(Timeout);

        Assert.NotNull(remaining);
        Assert.NotNull(remaining.Metadata.DeletionTimestamp);
        Assert.NotNull(terminating.Metadata.DeletionTimestamp);
        Assert.Null(await fixture.Widgets.TryGetAsync(ns, "f").WaitAsync(Timeout));
    }

    [Fact]
    public async Task DeleteAsync_Preconditions_StaleUidOrResourceVersionConflicts()
    {
        var ns = await fixture.NewNamespaceAsync();
        var cm = await fixture.Client.ConfigMaps.CreateAsync(NewConfigMap(ns, "d")).WaitAsync(Timeout);

        await Assert.ThrowsAsync<KubernetesConflictException>(() => fixture.Client.ConfigMaps.DeleteAsync(ns, "d", new DeleteOptions { Preconditions = new Preconditions { Uid = "00000000-0000-0000-0000-000000000000" } })).WaitAsync(Timeout);
        await Assert.ThrowsAsync<KubernetesConflictException>(() => fixture.Client.ConfigMaps.DeleteAsync(ns, "d", new DeleteOptions { Preconditions = new Preconditions { ResourceVersion = "1" } })).WaitAsync(Timeout);
        await fixture.Client.ConfigMaps.DeleteAsync(ns, "d", new DeleteOptions { Preconditions = new Preconditions { Uid = cm.Metadata.Uid, ResourceVersion = cm.Metadata.ResourceVersion } }).WaitAsync(Timeout);

        Assert.Null(await fixture.Client.ConfigMaps.TryGetAsync(ns, "d").WaitAsync(Timeout));
    }

    [Fact]
    public async Task DeleteAsync_BackgroundPropagation_GarbageCollectsDependents()
    {
        var ns = await fixture.NewNamespaceAsync();
        var owner = await fixture.Client.ConfigMaps.CreateAsync(NewConfigMap(ns, "owner")).WaitAsync(Timeout);
        var dependent = NewConfigMap(ns, "dependent");
        dependent.Metadata.OwnerReferences = [new OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "owner", Uid = owner.Metadata.Uid! }];
        await fixture.Client.ConfigMaps.CreateAsync(dependent).WaitAsync(Timeout);
        var orphan = NewConfigMap(ns, "orphan-dep");
        var owner2 = await fixture.Client.ConfigMaps.CreateAsync(NewConfigMap(ns, "owner2")).WaitAsync(Timeout);
        orphan.Metadata.OwnerReferences = [new OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "owner2", Uid = owner2.Metadata.Uid! }];
        await fixture.Client.ConfigMaps.CreateAsync(orphan).WaitAsync(Timeout);

        await fixture.Client.ConfigMaps.DeleteAsync(ns, "owner", new DeleteOptions { PropagationPolicy = PropagationPolicy.Background }).WaitAsync(Timeout);
        await fixture.Client.ConfigMaps.DeleteAsync(ns, "owner2", new DeleteOptions { PropagationPolicy = PropagationPolicy.Orphan }).WaitAsync(Timeout);

        // The garbage collector works asynchronously (as in a real cluster): wait for it, bounded.
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline
            && (await fixture.Client.ConfigMaps.TryGetAsync(ns, "dependent").WaitAsync(Timeout) is not null
                || await fixture.Client.ConfigMaps.TryGetAsync(ns, "owner2").WaitAsync(Timeout) is not null))
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Null(await fixture.Client.ConfigMaps.TryGetAsync(ns, "dependent").WaitAsync(Timeout));
        Assert.Null(await fixture.Client.ConfigMaps.TryGetAsync(ns, "owner2").WaitAsync(Timeout));
        var kept = await fixture.Client.ConfigMaps.GetAsync(ns, "orphan-dep").WaitAsync(Timeout);
        Assert.True(kept.Metadata.OwnerReferences is null or { Count: 0 });
    }

    [Fact]
    public async Task WatchAsync_FromListResourceVersion_StreamsChangesAndBookmarks()
    {
        var ns = await fixture.NewNamespaceAsync();
        var list = await fixture.Client.ConfigMaps.ListAsync(ns).WaitAsync(Timeout);
        using var cts = new CancellationTokenSource(Timeout);
        var events = new List<WatchEvent<ConfigMap>>();
        var watching = Task.Run(async () =>
        {
            await foreach (var e in fixture.Client.ConfigMaps.WatchAsync(ns, new WatchOptions { ResourceVersion = list.Metadata.ResourceVersion }, cts.Token))
            {
                lock (events)
                {
                    events.Add(e);
                }

                if (e.Type == WatchEventType.Bookmark && events.Any(x => x.Type == WatchEventType.Deleted))
                {
                    return;
                }
            }
        }, cts.Token);

        await Task.Delay(200, TestContext.Current.CancellationToken);
        var cm = await fixture.Client.ConfigMaps.CreateAsync(NewConfigMap(ns, "w")).WaitAsync(Timeout);
        cm.Data!["k"] = "changed";
        await fixture.Client.ConfigMaps.ReplaceAsync(cm).WaitAsync(Timeout);
        await fixture.Client.ConfigMaps.DeleteAsync(ns, "w").WaitAsync(Timeout);
        await watching.WaitAsync(Timeout);

        var changes = events.Where(e => e.Type != WatchEventType.Bookmark).ToList();
        Assert.Equal([WatchEventType.Added, WatchEventType.Modified, WatchEventType.Deleted], changes.Select(e => e.Type));
        Assert.Equal("changed", changes[1].Item!.Data!["k"]);
        Assert.Contains(events, e => e.Type == WatchEventType.Bookmark && !string.IsNullOrEmpty(e.Item!.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task WatchAsync_ResourceVersionOlderThanWindow_ReportsGone()
    {
        await using var server = await KubeEmulatorServer.StartAsync(new KubeEmulatorOptions { WatchWindow = 3 }).WaitAsync(Timeout);
        using var dir = new TempDirectory();
        using var client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfigFile(server.WriteKubeconfig(Path.Combine(dir.Path, "kc"))));
        var first = await client.ConfigMaps.CreateAsync(NewConfigMap("default", "c0")).WaitAsync(Timeout);
        for (var i = 1; i < 10; i++)
        {
            await client.ConfigMaps.CreateAsync(NewConfigMap("default", $"c{i}")).WaitAsync(Timeout);
        }

        KubernetesApiException? gone = null;
        try
        {
            await foreach (var e in client.ConfigMaps.WatchAsync("default", new WatchOptions { ResourceVersion = first.Metadata.ResourceVersion }).WithCancellation(TestContext.Current.CancellationToken))
            {
                if (e.Type == WatchEventType.Error)
                {
                    gone = KubernetesErrors.FromStatus(0, e.Status, "watch");
                    break;
                }
            }
        }
        catch (KubernetesGoneException ex)
        {
            gone = ex;
        }

        Assert.IsType<KubernetesGoneException>(gone);
        Assert.Equal(410, gone.StatusCode);
    }
}
