using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace GardenerMetal.KubeEmulator.Tests;

/// <summary>Protobuf request bodies over HTTPS: kubectl's bodies create and replace objects, bad bodies get a 4xx Status.</summary>
public sealed class ProtobufRequestTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Protobuf = "application/vnd.kubernetes.protobuf";
    private const string Ns = "vectors-ns";
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task Post_KubectlConfigMapBody_CreatesObjectAndAnswersJson()
    {
        await EnsureNamespaceAsync();

        var (code, _, created) = await SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{Ns}/configmaps", ProtobufVectors.Body("configmap-literal"));

        Assert.True(code == HttpStatusCode.Created, created.ToJsonString());
        var (getCode, stored) = await Api.GetAsync(_http, $"/api/v1/namespaces/{Ns}/configmaps/settings");
        Assert.Equal(HttpStatusCode.OK, getCode);
        Assert.True(JsonNode.DeepEquals(ProtobufVectors.Json("configmap-literal")["data"], stored["data"]), stored.ToJsonString());
        Assert.False(string.IsNullOrEmpty((string?)stored["metadata"]!["uid"]));
    }

    [Fact]
    public async Task Put_KubectlBodyOnExistingObject_ReplacesIt()
    {
        await EnsureNamespaceAsync();
        var (createCode, _) = await Api.PostAsync(_http, $"/api/v1/namespaces/{Ns}/secrets",
            $$$"""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"creds","namespace":"{{{Ns}}}"},"stringData":{"username":"old"}}""");
        Assert.Equal(HttpStatusCode.Created, createCode);

        var (code, _, replaced) = await SendAsync(HttpMethod.Put, $"/api/v1/namespaces/{Ns}/secrets/creds", ProtobufVectors.Body("secret-generic"));

        Assert.True(code == HttpStatusCode.OK, replaced.ToJsonString());
        var expected = ProtobufVectors.Json("secret-generic");
        Assert.True(JsonNode.DeepEquals(expected["data"], replaced["data"]), replaced.ToJsonString());
        Assert.Equal("example.com/creds", (string?)replaced["type"]);
    }

    [Fact]
    public async Task Post_KubectlNamespaceBody_GetsDefaultFinalizerAndNameLabel()
    {
        var (code, _, created) = await SendAsync(HttpMethod.Post, "/api/v1/namespaces", ProtobufVectors.Body("namespace"));

        Assert.True(code == HttpStatusCode.Created, created.ToJsonString());
        Assert.Equal("kubernetes", (string?)created["spec"]!["finalizers"]![0]);
        Assert.Equal("team-a", (string?)created["metadata"]!["labels"]!["kubernetes.io/metadata.name"]);
        Assert.Equal("Active", (string?)created["status"]!["phase"]);
    }

    [Fact]
    public async Task Post_UnknownProtobufField_WarnsByDefaultAndFailsWhenStrict()
    {
        await EnsureNamespaceAsync();
        ProtoWriter Body(string name) => new ProtoWriter().Message(1, new ProtoWriter().String(1, name)).Entry(2, "k", "v").Varint(42, 1);

        var (strictCode, _, strict) = await SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{Ns}/configmaps?fieldValidation=Strict", ProtoWriter.Envelope("v1", "ConfigMap", Body("strict")));
        var (warnCode, warnHeaders, _) = await SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{Ns}/configmaps", ProtoWriter.Envelope("v1", "ConfigMap", Body("warned")));

        Assert.Equal(HttpStatusCode.BadRequest, strictCode);
        Assert.Contains("field 42", (string?)strict["message"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, warnCode);
        Assert.Contains(warnHeaders.Warning, w => w.Text.Contains("field 42", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/v1/namespaces/default/configmaps", "bad-magic", HttpStatusCode.BadRequest, "magic")]
    [InlineData("/api/v1/namespaces/default/configmaps", "truncated", HttpStatusCode.BadRequest, "truncated")]
    [InlineData("/api/v1/namespaces/default/secrets", "configmap", HttpStatusCode.BadRequest, "does not match the expected kind Secret")]
    [InlineData("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", "crd", HttpStatusCode.UnsupportedMediaType, "CustomResourceDefinition")]
    [InlineData("/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations", "webhook", HttpStatusCode.UnsupportedMediaType, "ValidatingWebhookConfiguration")]
    public async Task Post_BadProtobufBody_GetsClientErrorStatusNamingTheProblem(string path, string body, HttpStatusCode expected, string message)
    {
        var bytes = body switch
        {
            "bad-magic" => [.. "k9s\0"u8, .. ProtobufVectors.Body("configmap-literal")[4..]],
            "truncated" => ProtobufVectors.Body("configmap-literal")[..30],
            "configmap" => ProtobufVectors.Body("configmap-literal"),
            "crd" => ProtoWriter.Envelope("apiextensions.k8s.io/v1", "CustomResourceDefinition", new ProtoWriter().Message(1, new ProtoWriter().String(1, "x.example.com"))),
            _ => ProtoWriter.Envelope("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", new ProtoWriter().Message(1, new ProtoWriter().String(1, "w"))),
        };

        var (code, _, status) = await SendAsync(HttpMethod.Post, path, bytes);

        Assert.Equal(expected, code);
        Assert.Equal("Status", (string?)status["kind"]);
        Assert.Contains(message, (string?)status["message"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(_http, "/api/v1/namespaces/default")).Code);
    }

    [Fact]
    public async Task Patch_ProtobufContentType_IsStill415()
    {
        await EnsureNamespaceAsync();
        await SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{Ns}/configmaps", ProtoWriter.Envelope("v1", "ConfigMap", new ProtoWriter().Message(1, new ProtoWriter().String(1, "patched"))));

        var (code, _, status) = await SendAsync(HttpMethod.Patch, $"/api/v1/namespaces/{Ns}/configmaps/patched", ProtobufVectors.Body("configmap-literal"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, code);
        Assert.Contains("merge-patch", (string?)status["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_ProtobufStatusSubresource_UpdatesOnlyStatus()
    {
        await EnsureNamespaceAsync();
        var (createCode, _, created) = await SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{Ns}/services", ProtobufVectors.Body("service-loadbalancer"));
        Assert.True(createCode == HttpStatusCode.Created, created.ToJsonString());
        var status = new ProtoWriter().Message(1, new ProtoWriter().Message(1, new ProtoWriter().String(1, "192.0.2.7")));
        var meta = new ProtoWriter().String(1, "lb").String(3, Ns).String(6, Api.Rv(created));
        var spec = new ProtoWriter().String(4, "ClusterIP");

        var (code, _, updated) = await SendAsync(HttpMethod.Put, $"/api/v1/namespaces/{Ns}/services/lb/status",
            ProtoWriter.Envelope("v1", "Service", new ProtoWriter().Message(1, meta).Message(2, spec).Message(3, status)));

        Assert.True(code == HttpStatusCode.OK, updated.ToJsonString());
        Assert.Equal("192.0.2.7", (string?)updated["status"]!["loadBalancer"]!["ingress"]![0]!["ip"]);
        Assert.Equal("LoadBalancer", (string?)updated["spec"]!["type"]);
    }

    [Fact]
    public async Task Delete_ProtobufDeleteOptions_HonoursPreconditionsAndDryRun()
    {
        await EnsureNamespaceAsync();
        var (_, _, created) = await SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{Ns}/configmaps", ProtoWriter.Envelope("v1", "ConfigMap", new ProtoWriter().Message(1, new ProtoWriter().String(1, "doomed"))));
        var uid = (string)created["metadata"]!["uid"]!;
        byte[] Options(string preconditionUid, bool dryRun)
        {
            var options = new ProtoWriter().Message(2, new ProtoWriter().String(1, preconditionUid)).String(4, "Background");
            return ProtoWriter.Envelope("v1", "DeleteOptions", dryRun ? options.String(5, "All") : options);
        }

        var (wrongCode, _, wrong) = await SendAsync(HttpMethod.Delete, $"/api/v1/namespaces/{Ns}/configmaps/doomed", Options("not-the-uid", dryRun: false));
        var (dryCode, _, _) = await SendAsync(HttpMethod.Delete, $"/api/v1/namespaces/{Ns}/configmaps/doomed", Options(uid, dryRun: true));
        var stillThere = (await Api.GetAsync(_http, $"/api/v1/namespaces/{Ns}/configmaps/doomed")).Code;
        var (code, _, _) = await SendAsync(HttpMethod.Delete, $"/api/v1/namespaces/{Ns}/configmaps/doomed", Options(uid, dryRun: false));

        Assert.Equal(HttpStatusCode.Conflict, wrongCode);
        Assert.Contains("UID", (string?)wrong["message"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, dryCode);
        Assert.Equal(HttpStatusCode.OK, stillThere);
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(_http, $"/api/v1/namespaces/{Ns}/configmaps/doomed")).Code);
    }

    private async Task EnsureNamespaceAsync()
    {
        var (code, _) = await Api.PostAsync(_http, "/api/v1/namespaces", $$$"""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"{{{Ns}}}"}}""");
        Assert.True(code is HttpStatusCode.Created or HttpStatusCode.Conflict, code.ToString());
    }

    private async Task<(HttpStatusCode Code, HttpResponseHeaders Headers, JsonObject Body)> SendAsync(HttpMethod method, string path, byte[] body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(Protobuf);
        request.Headers.Accept.ParseAdd("application/vnd.kubernetes.protobuf, application/json");
        using var response = await _http.SendAsync(request).WaitAsync(Api.Timeout);
        var text = await response.Content.ReadAsStringAsync().WaitAsync(Api.Timeout);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, response.Headers, JsonNode.Parse(text) as JsonObject ?? []);
    }
}
