using System.Net;
using System.Text.Json.Nodes;

namespace GardenerMetal.KubeEmulator.Tests;

/// <summary>Watch: event types, resume from resourceVersion, selectors, bookmarks, 410 Gone past the window.</summary>
public sealed class WatchTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task Watch_FromResourceVersion_StreamsAddedModifiedDeletedAndBookmarks()
    {
        await Api.CreateNamespaceAsync(_http, "watch1");
        var (_, list) = await Api.GetAsync(_http, "/api/v1/namespaces/watch1/configmaps");
        var rv = Api.Rv(list);
        var events = ReadEventsAsync($"/api/v1/namespaces/watch1/configmaps?watch=true&resourceVersion={rv}&allowWatchBookmarks=true&labelSelector=app%3Dw", stopAfter: 3, countBookmarks: false);

        await Api.PostAsync(_http, "/api/v1/namespaces/watch1/configmaps", """{"metadata":{"name":"other"}}""");
        await Api.PostAsync(_http, "/api/v1/namespaces/watch1/configmaps", """{"metadata":{"name":"w","labels":{"app":"w"}}}""");
        await Api.PatchAsync(_http, "/api/v1/namespaces/watch1/configmaps/w", """{"data":{"x":"1"}}""");
        await Api.DeleteAsync(_http, "/api/v1/namespaces/watch1/configmaps/w");

        var received = await events.WaitAsync(Api.Timeout);
        var types = received.Where(e => (string?)e["type"] != "BOOKMARK").Select(e => (string?)e["type"]).ToList();
        Assert.Equal(["ADDED", "MODIFIED", "DELETED"], types);
        Assert.All(received.Where(e => (string?)e["type"] != "BOOKMARK"), e => Assert.Equal("w", (string?)e["object"]!["metadata"]!["name"]));
    }

    [Fact]
    public async Task Watch_Idle_GetsBookmarkWithResourceVersion()
    {
        await Api.CreateNamespaceAsync(_http, "watch2");
        var (_, list) = await Api.GetAsync(_http, "/api/v1/namespaces/watch2/configmaps");
        var received = await ReadEventsAsync($"/api/v1/namespaces/watch2/configmaps?watch=1&resourceVersion={Api.Rv(list)}&allowWatchBookmarks=true", stopAfter: 1).WaitAsync(Api.Timeout);
        Assert.Equal("BOOKMARK", (string?)received[0]["type"]);
        Assert.False(string.IsNullOrEmpty((string?)received[0]["object"]!["metadata"]!["resourceVersion"]));
    }

    [Fact]
    public async Task Watch_WithoutResourceVersion_StartsWithCurrentObjectsAsAdded()
    {
        await Api.CreateNamespaceAsync(_http, "watch3");
        await Api.PostAsync(_http, "/api/v1/namespaces/watch3/configmaps", """{"metadata":{"name":"pre"}}""");
        var received = await ReadEventsAsync("/api/v1/namespaces/watch3/configmaps?watch=true", stopAfter: 1).WaitAsync(Api.Timeout);
        Assert.Equal("ADDED", (string?)received[0]["type"]);
        Assert.Equal("pre", (string?)received[0]["object"]!["metadata"]!["name"]);
    }

    [Fact]
    public async Task Watch_TooOldResourceVersion_Gets410Expired()
    {
        await Api.CreateNamespaceAsync(_http, "watch4");
        var (_, first) = await Api.PostAsync(_http, "/api/v1/namespaces/watch4/configmaps", """{"metadata":{"name":"old"}}""");
        for (var i = 0; i < 60; i++)
        {
            await Api.PatchAsync(_http, "/api/v1/namespaces/watch4/configmaps/old", "{\"data\":{\"i\":\"" + i + "\"}}");
        }

        var received = await ReadEventsAsync($"/api/v1/namespaces/watch4/configmaps?watch=true&resourceVersion={Api.Rv(first)}", stopAfter: 1).WaitAsync(Api.Timeout);
        Assert.Equal("ERROR", (string?)received[0]["type"]);
        Assert.Equal(410, (int)received[0]["object"]!["code"]!);
        Assert.Equal("Expired", (string?)received[0]["object"]!["reason"]);
    }

    [Fact]
    public async Task Watch_TimeoutSeconds_EndsTheStream()
    {
        var received = await ReadEventsAsync("/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=999999999&timeoutSeconds=1", stopAfter: 100).WaitAsync(Api.Timeout);
        Assert.Empty(received);
    }

    /// <summary>Reads watch events until <paramref name="stopAfter"/> of them (bookmarks, which arrive on a timer, only if counted).</summary>
    private async Task<List<JsonObject>> ReadEventsAsync(string path, int stopAfter, bool countBookmarks = true)
    {
        var result = new List<JsonObject>();
        var counted = 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Api.Timeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync().WaitAsync(Api.Timeout));
        while (counted < stopAfter)
        {
            var line = await reader.ReadLineAsync().WaitAsync(Api.Timeout);
            if (line is null)
            {
                break;
            }

            var item = (JsonObject)JsonNode.Parse(line)!;
            result.Add(item);
            if (countBookmarks || (string?)item["type"] != "BOOKMARK")
            {
                counted++;
            }
        }

        return result;
    }
}
