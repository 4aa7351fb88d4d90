using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GardenerMetal.Admission.Tests;

/// <summary>
/// The upstream corpus (testdata/upstream: cases transcribed from metal-stack/gardener-extension-provider-metal's
/// validation tests, each citing its source) and the ratcheting cases (testdata/ratcheting), posted as
/// AdmissionReviews over HTTPS to the real webhook server; allowed, every field path and error type, and
/// the ratcheting warnings must match.
/// </summary>
public sealed class UpstreamCorpusTests(CorpusServer corpus) : IClassFixture<CorpusServer>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var dir in new[] { "upstream", "ratcheting" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "testdata", dir), "*.json").Order(StringComparer.Ordinal))
            {
                foreach (var item in JsonNode.Parse(File.ReadAllText(file))!.AsArray())
                {
                    data.Add(dir + "/" + Path.GetFileName(file), item!["name"]!.GetValue<string>());
                }
            }
        }

        return data;
    }

    [Fact]
    public void Corpus_EveryUpstreamCase_CitesItsSource()
    {
        var cases = Load("upstream");

        Assert.True(cases.Count >= 50, "upstream corpus has only " + cases.Count + " cases");
        Assert.All(cases, c => Assert.Matches("^pkg/[a-z/_]+\\.go: ", c.Upstream));
        Assert.Equal(cases.Count, cases.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Post_CorpusCase_MatchesExpectedOutcome(string file, string name)
    {
        // Arrange
        var item = Load(file.Split('/')[0]).Single(c => c.Name == name && file.EndsWith(FileOf(c), StringComparison.Ordinal));
        var (obj, old) = item.Objects();
        if (item.Profile() is { } profile)
        {
            var profileName = "metal-corpus-" + Math.Abs(StringComparer.Ordinal.GetHashCode(name)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            profile["metadata"]!["name"] = profileName;
            corpus.Server.Sources.CloudProfiles[profileName] = profile.Deserialize(GardenerMetal.Provider.Apis.Core.CoreJsonContext.Default.CloudProfile)!;
            obj["spec"]!["cloudProfile"]!["name"] = profileName;
        }

        var review = Review(item, obj, old);

        // Act
        using var response = await corpus.Server.Client.PostAsync(new Uri(corpus.Server.BaseAddress, item.Path), new StringContent(review.ToJsonString(), Encoding.UTF8, "application/json")).WaitAsync(Timeout);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync().WaitAsync(Timeout))!["response"]!;

        // Assert
        var context = name + " (" + item.Upstream + "): " + body.ToJsonString();
        Assert.True(item.Allowed == body["allowed"]!.GetValue<bool>(), "allowed differs: " + context);
        var causes = (body["status"]?["details"]?["causes"]?.AsArray() ?? []).Select(c => (c!["field"]!.GetValue<string>(), c["reason"]!.GetValue<string>())).ToList();
        if (item.Exact)
        {
            Assert.True(item.Errors.Order().SequenceEqual(causes.Order()), "errors differ: " + context);
        }
        else
        {
            Assert.True(item.Errors.All(causes.Contains), "expected errors missing: " + context);
        }

        var warnings = (body["warnings"]?.AsArray() ?? []).Select(w => w!.GetValue<string>()).ToList();
        Assert.True(item.Warnings.Count == warnings.Count && item.Warnings.All(rule => warnings.Any(w => w.Contains("(rule " + rule + ",", StringComparison.Ordinal))),
            "warnings differ: " + context);
    }

    private static string FileOf(CorpusCase item) => item.Json["__file"]!.GetValue<string>();

    private static List<CorpusCase> Load(string dir) =>
    [
        .. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "testdata", dir), "*.json").Order(StringComparer.Ordinal)
            .SelectMany(file => JsonNode.Parse(File.ReadAllText(file))!.AsArray().Select(n =>
            {
                var json = n!.AsObject();
                json["__file"] = Path.GetFileName(file);
                return new CorpusCase(json);
            })),
    ];

    private static JsonObject Review(CorpusCase item, JsonNode obj, JsonNode? old)
    {
        var (group, version) = item.Kind switch
        {
            "CredentialsBinding" => ("security.gardener.cloud", "v1alpha1"),
            "Secret" => (string.Empty, "v1"),
            _ => ("core.gardener.cloud", "v1beta1"),
        };
        var request = new JsonObject
        {
            ["uid"] = Guid.NewGuid().ToString(),
            ["kind"] = new JsonObject { ["group"] = group, ["version"] = version, ["kind"] = item.Kind },
            ["operation"] = item.Operation,
            ["name"] = obj["metadata"]?["name"]?.DeepClone(),
            ["namespace"] = obj["metadata"]?["namespace"]?.DeepClone(),
            ["object"] = obj,
        };
        if (old is not null)
        {
            request["oldObject"] = old;
        }

        return new JsonObject { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["request"] = request };
    }
}
