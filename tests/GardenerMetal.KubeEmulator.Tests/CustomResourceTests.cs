using System.Net;
using System.Text.Json.Nodes;

namespace GardenerMetal.KubeEmulator.Tests;

/// <summary>CRDs: serving after apply, Established, schema validation and pruning, generation, status isolation, finalizers.</summary>
public sealed class CustomResourceTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private const string Widgets = "/apis/test.gardenermetal.io/v1/namespaces/crs/widgets";
    private readonly HttpClient _http = fixture.Http;

    public async ValueTask InitializeAsync()
    {
        await fixture.Server.ApplyFileAsync(Path.Combine(AppContext.BaseDirectory, "testdata", "widget-crds.yaml")).WaitAsync(Api.Timeout);
        await fixture.Server.ApplyYamlAsync("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: crs\n").WaitAsync(Api.Timeout);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Crd_AfterApply_IsEstablishedAndDiscoverable()
    {
        var (_, crd) = await Api.GetAsync(_http, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.test.gardenermetal.io");
        var established = crd["status"]!["conditions"]!.AsArray().Single(c => (string?)c!["type"] == "Established");
        Assert.Equal("True", (string?)established!["status"]);
        var (_, resources) = await Api.GetAsync(_http, "/apis/test.gardenermetal.io/v1");
        var names = resources["resources"]!.AsArray().Select(r => (string?)r!["name"]).ToList();
        Assert.Contains("widgets", names);
        Assert.Contains("widgets/status", names);
        Assert.DoesNotContain("gadgets/status", names);
        var (gadgetCode, gadget) = await Api.PostAsync(_http, "/apis/test.gardenermetal.io/v1/gadgets", """{"apiVersion":"test.gardenermetal.io/v1","kind":"Gadget","metadata":{"name":"g1"},"anything":{"goes":1}}""");
        Assert.Equal(HttpStatusCode.Created, gadgetCode);
        Assert.Equal(1, (int)gadget["anything"]!["goes"]!);
        Assert.Null(gadget["metadata"]!["namespace"]);
    }

    [Theory]
    [InlineData("""{"color":"red"}""", "spec.size", "FieldValueRequired")]
    [InlineData("""{"size":"big"}""", "spec.size", "FieldValueTypeInvalid")]
    [InlineData("""{"size":11}""", "spec.size", "FieldValueInvalid")]
    [InlineData("""{"size":1,"color":"green"}""", "spec.color", "FieldValueNotSupported")]
    [InlineData("""{"size":1,"address":"300.1.1.1"}""", "spec.address", "FieldValueInvalid")]
    [InlineData("""{"size":1,"created":"yesterday"}""", "spec.created", "FieldValueInvalid")]
    [InlineData("""{"size":1,"tags":[1]}""", "spec.tags[0]", "FieldValueTypeInvalid")]
    public async Task Create_SchemaViolation_Is422NamingTheField(string spec, string field, string reason)
    {
        var (code, status) = await Api.PostAsync(_http, Widgets, $$"""{"apiVersion":"test.gardenermetal.io/v1","kind":"Widget","metadata":{"name":"bad"},"spec":{{spec}}}""");
        Assert.Equal((HttpStatusCode)422, code);
        Assert.Equal("Invalid", (string?)status["reason"]);
        var cause = status["details"]!["causes"]!.AsArray().Single();
        Assert.Equal(field, (string?)cause!["field"]);
        Assert.Equal(reason, (string?)cause["reason"]);
        Assert.Contains(field, (string?)status["message"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-21T20:01:02Z", true)]
    [InlineData("2026-11-21T20:01:02.1Z", true)]
    [InlineData("2026-11-21T20:01:02.1234567Z", true)]
    [InlineData("2026-11-21T20:01:02.12345678Z", true)]
    [InlineData("2026-11-21T20:01:02.123456789Z", true)]
    [InlineData("2026-11-21T20:01:02.123456789123+05:30", true)]
    [InlineData("2026-11-21T20:01:02-07:00", true)]
    [InlineData("2024-02-29T23:59:59.5Z", true)]
    [InlineData("2026-11-21T20:01:02", false)]
    [InlineData("2026-11-21T20:01:02.Z", false)]
    [InlineData("2026-11-21 20:01:02Z", false)]
    [InlineData("2026-13-01T00:00:00Z", false)]
    [InlineData("2026-02-29T00:00:00Z", false)]
    [InlineData("2026-11-21T24:00:00Z", false)]
    [InlineData("2026-11-21T20:01:02+5:30", false)]
    [InlineData("2026-11-21T20:01:02+24:00", false)]
    [InlineData("2026-11-21T20:01:02Zjunk", false)]
    public async Task Create_DateTimeFormat_AcceptsRfc3339WithAnyFractionRejectsGarbage(string value, bool valid)
    {
        var name = "dt-" + Guid.NewGuid().ToString("N")[..8];
        var (code, status) = await Api.PostAsync(_http, Widgets, $$$"""{"apiVersion":"test.gardenermetal.io/v1","kind":"Widget","metadata":{"name":"{{{name}}}"},"spec":{"size":1,"created":"{{{value}}}"}}""");
        if (valid)
        {
            Assert.True(code == HttpStatusCode.Created, status.ToJsonString());
        }
        else
        {
            Assert.Equal((HttpStatusCode)422, code);
            Assert.Equal("spec.created", (string?)status["details"]!["causes"]!.AsArray().Single()!["field"]);
        }
    }

    [Fact]
    public async Task Create_UnknownFields_ArePrunedUnlessPreserved_StrictRejects()
    {
        var body = """{"apiVersion":"test.gardenermetal.io/v1","kind":"Widget","metadata":{"name":"prune"},"spec":{"size":2,"bogus":true,"extra":{"kept":{"deep":1}}},"top":1}""";
        var (code, widget) = await Api.PostAsync(_http, Widgets, body);
        Assert.Equal(HttpStatusCode.Created, code);
        Assert.Null(widget["spec"]!["bogus"]);
        Assert.Null(widget["top"]);
        Assert.Equal(1, (int)widget["spec"]!["extra"]!["kept"]!["deep"]!);

        var (strict, status) = await Api.PostAsync(_http, Widgets + "?fieldValidation=Strict", body.Replace("\"prune\"", "\"strict\"", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, strict);
        Assert.Contains("unknown field \"spec.bogus\"", (string?)status["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_GenerationBumpsOnlyOnSpec_StatusIsIsolated()
    {
        var (_, w) = await Api.PostAsync(_http, Widgets, """{"apiVersion":"test.gardenermetal.io/v1","kind":"Widget","metadata":{"name":"gen"},"spec":{"size":1},"status":{"phase":"ignored"}}""");
        Assert.Equal(1, Api.Generation(w));
        Assert.Null(w["status"]);

        var (_, labelled) = await Api.PatchAsync(_http, Widgets + "/gen", """{"metadata":{"labels":{"a":"b"}}}""");
        Assert.Equal(1, Api.Generation(labelled));

        var (_, withStatus) = await Api.PatchAsync(_http, Widgets + "/gen/status", """{"status":{"phase":"Ready"},"spec":{"size":9}}""");
        Assert.Equal("Ready", (string?)withStatus["status"]!["phase"]);
        Assert.Equal(1, (int)withStatus["spec"]!["size"]!);
        Assert.Equal(1, Api.Generation(withStatus));

        var (_, specChanged) = await Api.PatchAsync(_http, Widgets + "/gen", """{"spec":{"size":3},"status":{"phase":"Hacked"}}""");
        Assert.Equal(2, Api.Generation(specChanged));
        Assert.Equal("Ready", (string?)specChanged["status"]!["phase"]);

        var (_, same) = await Api.PutAsync(_http, Widgets + "/gen", specChanged);
        Assert.Equal(Api.Rv(specChanged), Api.Rv(same));

        var noRv = (JsonObject)specChanged.DeepClone();
        ((JsonObject)noRv["metadata"]!).Remove("resourceVersion");
        var (noRvCode, _) = await Api.PutAsync(_http, Widgets + "/gen", noRv);
        Assert.Equal((HttpStatusCode)422, noRvCode);
    }

    [Fact]
    public async Task Delete_WithFinalizer_MarksUntilFinalizerRemoved()
    {
        await Api.PostAsync(_http, Widgets, """{"apiVersion":"test.gardenermetal.io/v1","kind":"Widget","metadata":{"name":"fin","finalizers":["test.gardenermetal.io/keep"]},"spec":{"size":1}}""");
        var (code, marked) = await Api.DeleteAsync(_http, Widgets + "/fin");
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.NotNull(marked["metadata"]!["deletionTimestamp"]);
        var (_, still) = await Api.GetAsync(_http, Widgets + "/fin");
        Assert.NotNull(still["metadata"]!["deletionTimestamp"]);

        var (addCode, _) = await Api.PatchAsync(_http, Widgets + "/fin", """{"metadata":{"finalizers":["test.gardenermetal.io/keep","another/one"]}}""");
        Assert.Equal((HttpStatusCode)422, addCode);

        var (removeCode, _) = await Api.PatchAsync(_http, Widgets + "/fin", """[{"op":"remove","path":"/metadata/finalizers"}]""", "application/json-patch+json");
        Assert.Equal(HttpStatusCode.OK, removeCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(_http, Widgets + "/fin")).Code);
    }

    [Fact]
    public async Task Delete_WithStalePrecondition_IsConflict()
    {
        await Api.PostAsync(_http, Widgets, """{"apiVersion":"test.gardenermetal.io/v1","kind":"Widget","metadata":{"name":"pre"},"spec":{"size":1}}""");
        var (code, _) = await Api.DeleteAsync(_http, Widgets + "/pre", """{"preconditions":{"resourceVersion":"1"}}""");
        Assert.Equal(HttpStatusCode.Conflict, code);
    }

    [Fact]
    public async Task ApplyYaml_UnknownKind_FailsNamingTheKind()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            fixture.Server.ApplyYamlAsync("apiVersion: nope.io/v1\nkind: Thing\nmetadata:\n  name: x\n").WaitAsync(Api.Timeout));
        Assert.Contains("Thing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyYaml_SetsStatusThroughSubresource()
    {
        await fixture.Server.ApplyYamlAsync("""
            apiVersion: test.gardenermetal.io/v1
            kind: Widget
            metadata:
              name: seeded
              namespace: crs
            spec:
              size: 4
            status:
              phase: Seeded
            """).WaitAsync(Api.Timeout);
        var (_, w) = await Api.GetAsync(_http, Widgets + "/seeded");
        Assert.Equal("Seeded", (string?)w["status"]!["phase"]);
        Assert.Equal(4, (int)w["spec"]!["size"]!);
    }
}
