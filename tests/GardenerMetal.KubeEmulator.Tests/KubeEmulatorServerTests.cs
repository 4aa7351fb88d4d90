using System.Net;
using System.Text.Json.Nodes;

namespace GardenerMetal.KubeEmulator.Tests;

/// <summary>Core semantics over real HTTPS with the fixture's CA: auth, discovery, CRUD, conflicts, errors.</summary>
public sealed class KubeEmulatorServerTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task Request_WithoutToken_Gets401Status()
    {
        using var anonymous = fixture.CreateClient(null);
        var (code, body) = await Api.GetAsync(anonymous, "/api/v1/namespaces");
        Assert.Equal(HttpStatusCode.Unauthorized, code);
        Assert.Equal("Status", (string?)body["kind"]);
        Assert.Equal("Unauthorized", (string?)body["reason"]);

        using var wrong = fixture.CreateClient("not-the-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.GetAsync(wrong, "/version")).Code);
    }

    [Fact]
    public async Task Discovery_ListsBuiltinGroupsAndResources()
    {
        var (_, version) = await Api.GetAsync(_http, "/version");
        Assert.StartsWith("v1.", (string?)version["gitVersion"], StringComparison.Ordinal);
        var (_, api) = await Api.GetAsync(_http, "/api");
        Assert.Equal("v1", (string?)api["versions"]![0]);
        var (_, core) = await Api.GetAsync(_http, "/api/v1");
        var names = core["resources"]!.AsArray().Select(r => (string?)r!["name"]).ToList();
        Assert.Contains("configmaps", names);
        Assert.Contains("namespaces/status", names);
        var (_, groups) = await Api.GetAsync(_http, "/apis");
        var groupNames = groups["groups"]!.AsArray().Select(g => (string?)g!["name"]).ToList();
        Assert.Contains("coordination.k8s.io", groupNames);
        Assert.Contains("apiextensions.k8s.io", groupNames);
        Assert.Contains("admissionregistration.k8s.io", groupNames);
        Assert.Contains("events.k8s.io", groupNames);
        var (code, _) = await Api.GetAsync(_http, "/apis/no.such.group/v1");
        Assert.Equal(HttpStatusCode.NotFound, code);
    }

    [Fact]
    public async Task Create_SetsUidTimestampAndGlobalResourceVersion_DuplicateIsAlreadyExists()
    {
        await Api.CreateNamespaceAsync(_http, "crud");
        var (code, cm) = await Api.PostAsync(_http, "/api/v1/namespaces/crud/configmaps", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"},"data":{"k":"v"}}""");
        Assert.Equal(HttpStatusCode.Created, code);
        Assert.True(Guid.TryParse((string?)cm["metadata"]!["uid"], out _));
        Assert.NotNull(cm["metadata"]!["creationTimestamp"]);
        var (_, lease) = await Api.PostAsync(_http, "/apis/coordination.k8s.io/v1/namespaces/crud/leases", """{"metadata":{"name":"l"},"spec":{"holderIdentity":"x"}}""");
        Assert.True(long.Parse(Api.Rv(lease), System.Globalization.CultureInfo.InvariantCulture) > long.Parse(Api.Rv(cm), System.Globalization.CultureInfo.InvariantCulture));

        var (dupCode, dup) = await Api.PostAsync(_http, "/api/v1/namespaces/crud/configmaps", """{"metadata":{"name":"a"}}""");
        Assert.Equal(HttpStatusCode.Conflict, dupCode);
        Assert.Equal("AlreadyExists", (string?)dup["reason"]);

        var (getCode, got) = await Api.GetAsync(_http, "/api/v1/namespaces/crud/configmaps/a");
        Assert.Equal(HttpStatusCode.OK, getCode);
        Assert.Equal("v", (string?)got["data"]!["k"]);
        var (missing, status) = await Api.GetAsync(_http, "/api/v1/namespaces/crud/configmaps/nope");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("NotFound", (string?)status["reason"]);
        Assert.Equal("configmaps \"nope\" not found", (string?)status["message"]);
    }

    [Fact]
    public async Task Update_WithStaleResourceVersion_Is409Conflict()
    {
        await Api.CreateNamespaceAsync(_http, "conflict");
        var (_, cm) = await Api.PostAsync(_http, "/api/v1/namespaces/conflict/configmaps", """{"metadata":{"name":"c"},"data":{"n":"1"}}""");
        var stale = (JsonObject)cm.DeepClone();
        cm["data"]!["n"] = "2";
        var (ok, updated) = await Api.PutAsync(_http, "/api/v1/namespaces/conflict/configmaps/c", cm);
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.NotEqual(Api.Rv(stale), Api.Rv(updated));

        stale["data"]!["n"] = "3";
        var (code, status) = await Api.PutAsync(_http, "/api/v1/namespaces/conflict/configmaps/c", stale);
        Assert.Equal(HttpStatusCode.Conflict, code);
        Assert.Equal("Conflict", (string?)status["reason"]);
        Assert.Contains("the object has been modified", (string?)status["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_InMissingNamespace_IsNotFound()
    {
        var (code, status) = await Api.PostAsync(_http, "/api/v1/namespaces/ghost/configmaps", """{"metadata":{"name":"x"}}""");
        Assert.Equal(HttpStatusCode.NotFound, code);
        Assert.Contains("namespaces \"ghost\" not found", (string?)status["message"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("metadata: [unclosed", "application/yaml", HttpStatusCode.BadRequest)]
    [InlineData("""{"apiVersion":"v2","kind":"ConfigMap","metadata":{"name":"x"}}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"x"}}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"metadata":{"name":"Bad_Name"}}""", "application/json", (HttpStatusCode)422)]
    [InlineData("""["a"]""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"metadata":{"name":"x"}}""", "application/vnd.kubernetes.protobuf", HttpStatusCode.BadRequest)]
    [InlineData("""{"metadata":{"name":"x"}}""", "application/cbor", HttpStatusCode.UnsupportedMediaType)]
    public async Task Create_WithBadInput_GetsClientErrorStatus(string body, string contentType, HttpStatusCode expected)
    {
        var (code, status) = await Api.SendAsync(_http, HttpMethod.Post, "/api/v1/namespaces/default/configmaps", body, contentType);
        Assert.Equal(expected, code);
        Assert.Equal("Status", (string?)status["kind"]);
        Assert.Equal("Failure", (string?)status["status"]);
        Assert.False(string.IsNullOrEmpty((string?)status["message"]));

        // The server is still fine.
        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(_http, "/api/v1/namespaces/default")).Code);
    }

    [Fact]
    public async Task Create_InvalidName_NamesTheFieldInCauses()
    {
        var (code, status) = await Api.PostAsync(_http, "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"Bad_Name"}}""");
        Assert.Equal((HttpStatusCode)422, code);
        Assert.Equal("Invalid", (string?)status["reason"]);
        Assert.Equal("metadata.name", (string?)status["details"]!["causes"]![0]!["field"]);
    }

    [Fact]
    public async Task UnknownResource_Is404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(_http, "/api/v1/namespaces/default/pods")).Code);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(_http, "/apis/nope.io/v1/things")).Code);
    }

    [Fact]
    public async Task Secret_StringData_IsMergedIntoBase64Data()
    {
        var (code, secret) = await Api.PostAsync(_http, "/api/v1/namespaces/default/secrets", """{"metadata":{"name":"s1"},"stringData":{"token":"abc"}}""");
        Assert.Equal(HttpStatusCode.Created, code);
        Assert.Equal("YWJj", (string?)secret["data"]!["token"]);
        Assert.Null(secret["stringData"]);
        Assert.Equal("Opaque", (string?)secret["type"]);

        var (bad, status) = await Api.PostAsync(_http, "/api/v1/namespaces/default/secrets", """{"metadata":{"name":"s2"},"data":{"k":"not base64!"}}""");
        Assert.Equal((HttpStatusCode)422, bad);
        Assert.Equal("data[k]", (string?)status["details"]!["causes"]![0]!["field"]);
    }

    [Fact]
    public async Task List_WithSelectorsAndPagination_ReturnsMatchingPages()
    {
        await Api.CreateNamespaceAsync(_http, "paging");
        for (var i = 0; i < 5; i++)
        {
            var tier = i % 2 == 0 ? "even" : "odd";
            await Api.PostAsync(_http, "/api/v1/namespaces/paging/configmaps", "{\"metadata\":{\"name\":\"cm-" + i + "\",\"labels\":{\"tier\":\"" + tier + "\"}}}");
        }

        var (_, even) = await Api.GetAsync(_http, "/api/v1/namespaces/paging/configmaps?labelSelector=tier%3Deven");
        Assert.Equal(["cm-0", "cm-2", "cm-4"], even["items"]!.AsArray().Select(i => (string)i!["metadata"]!["name"]!));
        var (_, notIn) = await Api.GetAsync(_http, "/api/v1/namespaces/paging/configmaps?labelSelector=tier%20notin%20(even)");
        Assert.Equal(["cm-1", "cm-3"], notIn["items"]!.AsArray().Select(i => (string)i!["metadata"]!["name"]!));
        var (_, byName) = await Api.GetAsync(_http, "/api/v1/configmaps?fieldSelector=metadata.name%3Dcm-3,metadata.namespace%3Dpaging");
        Assert.Single(byName["items"]!.AsArray());
        var (badCode, _) = await Api.GetAsync(_http, "/api/v1/namespaces/paging/configmaps?labelSelector=%3D%3D%3D");
        Assert.Equal(HttpStatusCode.BadRequest, badCode);

        var (_, page1) = await Api.GetAsync(_http, "/api/v1/namespaces/paging/configmaps?limit=2");
        Assert.Equal(2, page1["items"]!.AsArray().Count);
        var token = (string?)page1["metadata"]!["continue"];
        Assert.False(string.IsNullOrEmpty(token));
        Assert.Equal(3, (int)page1["metadata"]!["remainingItemCount"]!);
        var (_, page2) = await Api.GetAsync(_http, $"/api/v1/namespaces/paging/configmaps?limit=2&continue={token}");
        var (_, page3) = await Api.GetAsync(_http, $"/api/v1/namespaces/paging/configmaps?limit=2&continue={(string?)page2["metadata"]!["continue"]}");
        Assert.Null(page3["metadata"]!["continue"]);
        var all = page1["items"]!.AsArray().Concat(page2["items"]!.AsArray()).Concat(page3["items"]!.AsArray()).Select(i => (string)i!["metadata"]!["name"]!);
        Assert.Equal(["cm-0", "cm-1", "cm-2", "cm-3", "cm-4"], all);
    }

    [Fact]
    public async Task Patch_MergeStrategicAndJson_AreApplied()
    {
        await Api.PostAsync(_http, "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"patchme"},"data":{"a":"1","b":"2"}}""");
        var (c1, merged) = await Api.PatchAsync(_http, "/api/v1/namespaces/default/configmaps/patchme", """{"data":{"a":null,"c":"3"}}""");
        Assert.Equal(HttpStatusCode.OK, c1);
        Assert.Null(merged["data"]!["a"]);
        Assert.Equal("3", (string?)merged["data"]!["c"]);
        var (c2, strategic) = await Api.PatchAsync(_http, "/api/v1/namespaces/default/configmaps/patchme", """{"metadata":{"labels":{"x":"y"}}}""", "application/strategic-merge-patch+json");
        Assert.Equal(HttpStatusCode.OK, c2);
        Assert.Equal("y", (string?)strategic["metadata"]!["labels"]!["x"]);
        var (c3, json) = await Api.PatchAsync(_http, "/api/v1/namespaces/default/configmaps/patchme", """[{"op":"replace","path":"/data/b","value":"20"},{"op":"add","path":"/data/d","value":"4"}]""", "application/json-patch+json");
        Assert.Equal(HttpStatusCode.OK, c3);
        Assert.Equal("20", (string?)json["data"]!["b"]);
        Assert.Equal("4", (string?)json["data"]!["d"]);
        var (c4, failed) = await Api.PatchAsync(_http, "/api/v1/namespaces/default/configmaps/patchme", """[{"op":"test","path":"/data/b","value":"nope"}]""", "application/json-patch+json");
        Assert.Equal((HttpStatusCode)422, c4);
        Assert.Equal("Status", (string?)failed["kind"]);
        var (c5, _) = await Api.PatchAsync(_http, "/api/v1/namespaces/default/configmaps/patchme", $$$"""{"metadata":{"resourceVersion":"1"},"data":{"z":"1"}}""");
        Assert.Equal(HttpStatusCode.Conflict, c5);
    }

    [Fact]
    public async Task Namespace_Delete_RemovesContentThenNamespace()
    {
        await Api.CreateNamespaceAsync(_http, "doomed");
        await Api.PostAsync(_http, "/api/v1/namespaces/doomed/configmaps", """{"metadata":{"name":"x"}}""");
        var (code, _) = await Api.DeleteAsync(_http, "/api/v1/namespaces/doomed");
        Assert.Equal(HttpStatusCode.OK, code);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && (await Api.GetAsync(_http, "/api/v1/namespaces/doomed")).Code != HttpStatusCode.NotFound)
        {
            await Task.Delay(100);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(_http, "/api/v1/namespaces/doomed")).Code);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(_http, "/api/v1/namespaces/doomed/configmaps/x")).Code);
    }

    [Fact]
    public async Task OwnerDeleted_DependentIsGarbageCollected_OrphanKeepsIt()
    {
        await Api.CreateNamespaceAsync(_http, "gc");
        var (_, owner) = await Api.PostAsync(_http, "/api/v1/namespaces/gc/configmaps", """{"metadata":{"name":"owner"}}""");
        var uid = (string)owner["metadata"]!["uid"]!;
        var dependent = $$$"""{"metadata":{"name":"%NAME%","ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"owner","uid":"{{{uid}}}"}]}}""";
        await Api.PostAsync(_http, "/api/v1/namespaces/gc/secrets", dependent.Replace("%NAME%", "dep", StringComparison.Ordinal));
        await Api.DeleteAsync(_http, "/api/v1/namespaces/gc/configmaps/owner", """{"propagationPolicy":"Background"}""");
        await WaitUntilAsync(async () => (await Api.GetAsync(_http, "/api/v1/namespaces/gc/secrets/dep")).Code == HttpStatusCode.NotFound);

        var (_, owner2) = await Api.PostAsync(_http, "/api/v1/namespaces/gc/configmaps", """{"metadata":{"name":"owner2"}}""");
        var uid2 = (string)owner2["metadata"]!["uid"]!;
        await Api.PostAsync(_http, "/api/v1/namespaces/gc/secrets", $$$"""{"metadata":{"name":"kept","ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"owner2","uid":"{{{uid2}}}"}]}}""");
        await Api.DeleteAsync(_http, "/api/v1/namespaces/gc/configmaps/owner2", """{"propagationPolicy":"Orphan"}""");
        await WaitUntilAsync(async () => (await Api.GetAsync(_http, "/api/v1/namespaces/gc/configmaps/owner2")).Code == HttpStatusCode.NotFound);
        var (keptCode, kept) = await Api.GetAsync(_http, "/api/v1/namespaces/gc/secrets/kept");
        Assert.Equal(HttpStatusCode.OK, keptCode);
        Assert.Null(kept["metadata"]!["ownerReferences"]?.AsArray().FirstOrDefault());
    }

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition().WaitAsync(Api.Timeout))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("condition not met within 10s");
    }
}
