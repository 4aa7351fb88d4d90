using System.Text;
using System.Text.Json.Nodes;

namespace GardenerMetal.Admission.Tests;

/// <summary>
/// testdata/&lt;case&gt;/{path,request.json,response.json}: the request is posted over TLS to the path and the
/// AdmissionReview answer must equal response.json. Regenerate with GOLDEN_UPDATE=1 and review the diff.
/// </summary>
public class WebhookGoldenTests
{
    /// <summary>Every folder of testdata/ except e2e/ (the end-to-end manifests) and the corpora (<see cref="UpstreamCorpusTests"/>).</summary>
    public static TheoryData<string> Cases() => [.. Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "testdata"))
        .Select(d => Path.GetFileName(d)!).Where(n => n is not ("e2e" or "upstream" or "ratcheting")).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Post_GoldenRequest_GoldenResponse(string name)
    {
        // Arrange
        var dir = Path.Combine(AppContext.BaseDirectory, "testdata", name);
        await using var server = await WebhookServer.StartAsync();
        var path = (await File.ReadAllTextAsync(Path.Combine(dir, "path")).WaitAsync(TimeSpan.FromSeconds(5))).Trim();
        var request = await File.ReadAllTextAsync(Path.Combine(dir, "request.json")).WaitAsync(TimeSpan.FromSeconds(5));

        // Act
        using var response = await server.Client.PostAsync(new Uri(server.BaseAddress, path), new StringContent(request, Encoding.UTF8, "application/json")).WaitAsync(TimeSpan.FromSeconds(20));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync().WaitAsync(TimeSpan.FromSeconds(10)))!;

        // Assert
        var goldenFile = Path.Combine(dir, "response.json");
        if (Environment.GetEnvironmentVariable("GOLDEN_UPDATE") == "1")
        {
            var source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "testdata", name, "response.json"));
            await File.WriteAllTextAsync(source, body.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n").WaitAsync(TimeSpan.FromSeconds(5));
        }

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(goldenFile), "missing " + goldenFile);
        var golden = JsonNode.Parse(await File.ReadAllTextAsync(goldenFile).WaitAsync(TimeSpan.FromSeconds(5)))!;
        Assert.True(JsonNode.DeepEquals(golden, body), "response differs from golden:\n" + body.ToJsonString());
        Assert.Equal(JsonNode.Parse(request)!["request"]!["uid"]!.GetValue<string>(), body["response"]!["uid"]!.GetValue<string>());
    }
}
