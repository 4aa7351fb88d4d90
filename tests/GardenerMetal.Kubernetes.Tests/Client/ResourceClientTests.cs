using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.Kubernetes.Errors;
using GardenerMetal.Kubernetes.Models;
using GardenerMetal.Kubernetes.Tests.Fakes;

namespace GardenerMetal.Kubernetes.Tests.Client;

public sealed class ResourceClientTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly ResourceDescriptor Infrastructures = new("extensions.gardener.cloud", "v1alpha1", "infrastructures", "Infrastructure", true);
    private static readonly ResourceDescriptor Widgets = new("example.com", "v1", "widgets", "Widget", false);

    private static (KubernetesClient Client, FakeHttpHandler Handler) Create(Func<HttpRequestMessage, string?, HttpResponseMessage> respond, string? token = "tok-123")
    {
        var handler = new FakeHttpHandler(respond);
        var config = new KubernetesClientConfiguration { Server = new Uri("https://api.test:6443"), Token = token };
        return (new KubernetesClient(config, handler, disposeHandler: true), handler);
    }

    [Fact]
    public async Task GetAsync_CoreNamespacedResource_UsesApiPathAndBearerToken()
    {
        var (client, handler) = Create((_, _) => FakeHttpHandler.Json(HttpStatusCode.OK, """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s","namespace":"ns","resourceVersion":"7"},"data":{"k":"dmFsdWU="}}"""));
        using var _ = client;

        var secret = await client.Secrets.GetAsync("ns", "s").WaitAsync(Timeout);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("https://api.test:6443/api/v1/namespaces/ns/secrets/s", request.Uri.ToString());
        Assert.Equal("Bearer tok-123", request.Authorization);
        Assert.Equal("value", Encoding.UTF8.GetString(secret.Data!["k"]));
        Assert.Equal("7", secret.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task ListAsync_SelectorsAndPaging_AreSentAsQueryAndItemsGetTypeMeta()
    {
        var (client, handler) = Create((_, _) => FakeHttpHandler.Json(HttpStatusCode.OK, """{"kind":"SecretList","metadata":{"resourceVersion":"42","continue":"next"},"items":[{"metadata":{"name":"a","namespace":"ns"}}]}"""));
        using var _ = client;

        var list = await client.Secrets.ListAsync("ns", new ListOptions { LabelSelector = "app in (a,b)", FieldSelector = "metadata.name=a", Limit = 1, Continue = "c1" }).WaitAsync(Timeout);

        var uri = Assert.Single(handler.Requests).Uri;
        Assert.Equal("/api/v1/namespaces/ns/secrets", uri.AbsolutePath);
        Assert.Equal("?labelSelector=app%20in%20%28a%2Cb%29&fieldSelector=metadata.name%3Da&limit=1&continue=c1", uri.Query);
        Assert.Equal("42", list.Metadata.ResourceVersion);
        Assert.Equal("next", list.Metadata.Continue);
        var item = Assert.Single(list.Items);
        Assert.Equal(("v1", "Secret"), (item.ApiVersion, item.Kind));
    }

    [Fact]
    public async Task ListAllAsync_FollowsContinueTokens()
    {
        var (client, handler) = Create((req, _) => FakeHttpHandler.Json(HttpStatusCode.OK, req.RequestUri!.Query.Contains("continue=p2", StringComparison.Ordinal)
            ? """{"metadata":{"resourceVersion":"5"},"items":[{"metadata":{"name":"b"}}]}"""
            : """{"metadata":{"resourceVersion":"5","continue":"p2"},"items":[{"metadata":{"name":"a"}}]}"""));
        using var _ = client;

        var names = new List<string>();
        await foreach (var w in client.Resource(Widgets).ListAllAsync(null, new ListOptions { Limit = 1 }).WithCancellation(CancellationToken.None))
        {
            names.Add(w["metadata"]!["name"]!.GetValue<string>());
        }

        Assert.Equal(["a", "b"], names);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal("/apis/example.com/v1/widgets", handler.Requests[0].Uri.AbsolutePath);
    }

    [Fact]
    public async Task ReplaceAsync_UnknownFields_AreRoundTripped()
    {
        const string stored = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"ns","resourceVersion":"3","managedFields":[{"manager":"kubectl"}],"futureMeta":1},"data":{"a":"b"},"futureTopLevel":{"x":true}}""";
        var (client, handler) = Create((_, body) => FakeHttpHandler.Json(HttpStatusCode.OK, body ?? stored));
        using var _ = client;
        var cm = JsonSerializer.Deserialize(stored, GardenerMetal.Kubernetes.Serialization.KubernetesJsonContext.Default.ConfigMap)!;
        cm.Data!["a"] = "c";

        await client.ConfigMaps.ReplaceAsync(cm).WaitAsync(Timeout);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("/api/v1/namespaces/ns/configmaps/c", request.Uri.AbsolutePath);
        var sent = JsonNode.Parse(request.Body!)!.AsObject();
        Assert.True(sent["futureTopLevel"]!["x"]!.GetValue<bool>());
        Assert.Equal(1, sent["metadata"]!["futureMeta"]!.GetValue<int>());
        Assert.Equal("3", sent["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal("c", sent["data"]!["a"]!.GetValue<string>());
        Assert.False(sent["metadata"]!.AsObject().ContainsKey("deletionTimestamp"));
    }

    [Theory]
    [InlineData(PatchType.Merge, "application/merge-patch+json")]
    [InlineData(PatchType.Json, "application/json-patch+json")]
    [InlineData(PatchType.StrategicMerge, "application/strategic-merge-patch+json")]
    public async Task PatchStatusAsync_PatchType_SetsContentTypeAndStatusPath(PatchType type, string contentType)
    {
        var (client, handler) = Create((_, _) => FakeHttpHandler.Json(HttpStatusCode.OK, """{"metadata":{"name":"i","namespace":"ns"}}"""));
        using var _ = client;
        var body = type == PatchType.Json ? """[{"op":"add","path":"/status","value":{}}]""" : """{"status":{}}""";

        await client.Resource(Infrastructures).PatchStatusAsync("ns", "i", KubernetesPatch.FromJson(type, body)).WaitAsync(Timeout);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Patch, request.Method);
        Assert.Equal("/apis/extensions.gardener.cloud/v1alpha1/namespaces/ns/infrastructures/i/status", request.Uri.AbsolutePath);
        Assert.Equal(contentType, request.ContentType);
        Assert.Equal(body, request.Body);
    }

    [Fact]
    public async Task DeleteAsync_PreconditionsAndPolicy_AreSentAsDeleteOptions()
    {
        var (client, handler) = Create((_, _) => FakeHttpHandler.Json(HttpStatusCode.OK, """{"kind":"Status","apiVersion":"v1","status":"Success"}"""));
        using var _ = client;

        var result = await client.Secrets.DeleteAsync("ns", "s", new DeleteOptions
        {
            Preconditions = new Preconditions { Uid = "u-1", ResourceVersion = "9" },
            PropagationPolicy = PropagationPolicy.Foreground,
        }).WaitAsync(Timeout);

        Assert.Null(result);
        var sent = JsonNode.Parse(Assert.Single(handler.Requests).Body!)!;
        Assert.Equal("u-1", sent["preconditions"]!["uid"]!.GetValue<string>());
        Assert.Equal("9", sent["preconditions"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal("Foreground", sent["propagationPolicy"]!.GetValue<string>());
        Assert.Equal("DeleteOptions", sent["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeleteAsync_ObjectWithFinalizers_ReturnsTheRemainingObject()
    {
        var (client, _) = Create((_, _) => FakeHttpHandler.Json(HttpStatusCode.OK, """{"kind":"Infrastructure","metadata":{"name":"i","namespace":"ns","deletionTimestamp":"2024-05-01T10:00:00Z","finalizers":["f"]}}"""));
        using var _c = client;

        var remaining = await client.Resource(Infrastructures).DeleteAsync("ns", "i").WaitAsync(Timeout);

        Assert.NotNull(remaining);
        Assert.Equal("2024-05-01T10:00:00Z", remaining["metadata"]!["deletionTimestamp"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateAsync_NamespacedWithoutNamespace_ThrowsNamingTheField()
    {
        var (client, handler) = Create((_, _) => FakeHttpHandler.Json(HttpStatusCode.OK, "{}"));
        using var _ = client;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Secrets.CreateAsync(new Secret { Metadata = new ObjectMeta { Name = "x" } })).WaitAsync(Timeout);

        Assert.Contains("metadata.namespace", ex.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task GetAsync_ServerError_ThrowsTypedExceptionWithoutToken()
    {
        var (client, _) = Create((_, _) => FakeHttpHandler.Json(HttpStatusCode.Forbidden, """{"kind":"Status","reason":"Forbidden","code":403,"message":"secrets \"s\" is forbidden"}"""), token: "super-secret-token");
        using var _c = client;

        var ex = await Assert.ThrowsAsync<KubernetesForbiddenException>(() => client.Secrets.GetAsync("ns", "s")).WaitAsync(Timeout);

        Assert.DoesNotContain("super-secret-token", ex.ToString(), StringComparison.Ordinal);
        Assert.Contains("GET /api/v1/namespaces/ns/secrets/s: 403", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryGetAsync_NotFound_ReturnsNull()
    {
        var (client, _) = Create((_, _) => FakeHttpHandler.Json(HttpStatusCode.NotFound, """{"kind":"Status","reason":"NotFound","code":404}"""));
        using var _c = client;

        Assert.Null(await client.Secrets.TryGetAsync("ns", "s").WaitAsync(Timeout));
    }

    [Fact]
    public async Task GetAsync_ServerTooSlow_ThrowsRetryableTimeout()
    {
        var handler = new SlowHandler();
        var config = new KubernetesClientConfiguration { Server = new Uri("https://api.test"), RequestTimeout = TimeSpan.FromMilliseconds(100) };
        using var client = new KubernetesClient(config, handler, disposeHandler: true);

        var ex = await Assert.ThrowsAsync<KubernetesTimeoutException>(() => client.Secrets.GetAsync("ns", "s")).WaitAsync(Timeout);

        Assert.True(ex.IsRetryable);
    }

    [Fact]
    public async Task WatchAsync_StreamOfEvents_IsParsedInOrder()
    {
        const string stream = """
            {"type":"ADDED","object":{"metadata":{"name":"a","namespace":"ns","resourceVersion":"11"}}}
            {"type":"MODIFIED","object":{"metadata":{"name":"a","namespace":"ns","resourceVersion":"12"}}}
            {"type":"BOOKMARK","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"resourceVersion":"13"}}}
            {"type":"DELETED","object":{"metadata":{"name":"a","namespace":"ns","resourceVersion":"14"}}}
            {"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Expired","code":410,"message":"too old resource version"}}

            """;
        var (client, handler) = Create((_, _) => FakeHttpHandler.Json(HttpStatusCode.OK, stream));
        using var _ = client;

        var events = new List<WatchEvent<ConfigMap>>();
        await foreach (var e in client.ConfigMaps.WatchAsync("ns", new WatchOptions { ResourceVersion = "10", Timeout = TimeSpan.FromSeconds(30) }).WithCancellation(CancellationToken.None))
        {
            events.Add(e);
        }

        Assert.Equal([WatchEventType.Added, WatchEventType.Modified, WatchEventType.Bookmark, WatchEventType.Deleted, WatchEventType.Error], events.Select(e => e.Type));
        Assert.Equal(["11", "12", "13", "14"], events.Take(4).Select(e => e.Item!.Metadata.ResourceVersion));
        Assert.Equal(410, events[4].Status!.Code);
        Assert.Equal("?watch=true&resourceVersion=10&allowWatchBookmarks=true&timeoutSeconds=30", Assert.Single(handler.Requests).Uri.Query);
    }

    [Fact]
    public async Task WatchAsync_410OnConnect_ThrowsGone()
    {
        var (client, _) = Create((_, _) => FakeHttpHandler.Json(HttpStatusCode.Gone, """{"kind":"Status","reason":"Expired","code":410}"""));
        using var _c = client;

        await Assert.ThrowsAsync<KubernetesGoneException>(async () =>
        {
            await foreach (var _ in client.ConfigMaps.WatchAsync("ns", new WatchOptions { ResourceVersion = "1" }))
            {
            }
        }).WaitAsync(Timeout);
    }

    [Fact]
    public void PathFor_ScopeMismatch_ThrowsNamingTheResource()
    {
        Assert.Throws<ArgumentException>(() => Widgets.PathFor("ns", "x"));
        Assert.Throws<ArgumentException>(() => ResourceDescriptor.Secrets.PathFor(null, "x"));
        Assert.Equal("/api/v1/secrets", ResourceDescriptor.Secrets.PathFor(null));
        Assert.Equal("/api/v1/namespaces/a%20b/secrets/c%2Fd", ResourceDescriptor.Secrets.PathFor("a b", "c/d"));
    }

    private sealed class SlowHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
