using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace GardenerMetal.KubeEmulator.Tests;

/// <summary>Small JSON helpers over HttpClient for the semantic tests.</summary>
internal static class Api
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static async Task<(HttpStatusCode Code, JsonObject Body)> SendAsync(HttpClient http, HttpMethod method, string path, string? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        using var response = await http.SendAsync(request).WaitAsync(Timeout);
        var text = await response.Content.ReadAsStringAsync().WaitAsync(Timeout);
        var json = text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? [];
        return (response.StatusCode, json);
    }

    public static Task<(HttpStatusCode Code, JsonObject Body)> GetAsync(HttpClient http, string path) => SendAsync(http, HttpMethod.Get, path);

    public static Task<(HttpStatusCode Code, JsonObject Body)> PostAsync(HttpClient http, string path, string body) => SendAsync(http, HttpMethod.Post, path, body);

    public static Task<(HttpStatusCode Code, JsonObject Body)> PutAsync(HttpClient http, string path, JsonObject body) => SendAsync(http, HttpMethod.Put, path, body.ToJsonString());

    public static Task<(HttpStatusCode Code, JsonObject Body)> PatchAsync(HttpClient http, string path, string body, string type = "application/merge-patch+json") =>
        SendAsync(http, HttpMethod.Patch, path, body, type);

    public static Task<(HttpStatusCode Code, JsonObject Body)> DeleteAsync(HttpClient http, string path, string? body = null) => SendAsync(http, HttpMethod.Delete, path, body);

    public static async Task CreateNamespaceAsync(HttpClient http, string name)
    {
        var (code, body) = await PostAsync(http, "/api/v1/namespaces", $$$"""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"{{{name}}}"}}""");
        Assert.True(code == HttpStatusCode.Created, body.ToJsonString());
    }

    public static string Rv(JsonObject obj) => obj["metadata"]!["resourceVersion"]!.ToString();

    public static long Generation(JsonObject obj) => long.Parse(obj["metadata"]!["generation"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    public static JsonContent Json(JsonObject obj) => JsonContent.Create(obj);
}
