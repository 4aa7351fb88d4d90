using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace GardenerMetal.Admission.Tests;

public class WebhookServerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private static string Review(string path) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "testdata", path, "request.json"));

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(WebhookServer server, string path, HttpContent content)
    {
        using var response = await server.Client.PostAsync(new Uri(server.BaseAddress, path), content).WaitAsync(Timeout);
        return (response.StatusCode, await response.Content.ReadAsStringAsync().WaitAsync(Timeout));
    }

    [Theory]
    [InlineData("{not json", "invalid JSON")]
    [InlineData("[]", "invalid JSON")]
    [InlineData("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":5}}", "invalid JSON at $.request.uid")]
    [InlineData("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u\",\"kind\":\"Shoot\"}}", "invalid JSON at $.request.kind")]
    [InlineData("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\"} trailing", "invalid JSON")]
    [InlineData("{\"apiVersion\":\"admission.k8s.io/v1beta1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u\"}}", "apiVersion must be admission.k8s.io/v1")]
    [InlineData("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\"}", "request is missing")]
    [InlineData("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"kind\":{\"kind\":\"Shoot\"}}}", "request.uid is missing")]
    public async Task Post_MalformedReview_400WithReason(string body, string reason)
    {
        await using var server = await WebhookServer.StartAsync();

        var (status, text) = await PostAsync(server, "/webhooks/validate", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ObjectOfWrongShape_AnsweredNotCrashed()
    {
        await using var server = await WebhookServer.StartAsync();
        var review = JsonNode.Parse(Review("shoot-valid"))!;
        review["request"]!["object"]!["spec"] = JsonValue.Create(42);

        var (status, text) = await PostAsync(server, "/webhooks/validate", new StringContent(review.ToJsonString(), Encoding.UTF8, "application/json"));
        var (after, _) = await PostAsync(server, "/webhooks/validate", new StringContent(Review("shoot-valid"), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("\"allowed\":false", text, StringComparison.Ordinal);
        Assert.Contains("\"code\":400", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Post_OversizedBody_413(bool chunked)
    {
        await using var server = await WebhookServer.StartAsync(o => o with { MaxRequestBodyBytes = 4096 });
        var review = JsonNode.Parse(Review("shoot-valid"))!;
        review["request"]!["object"]!["metadata"]!["annotations"]!["padding"] = new string('x', 10_000);
        var bytes = Encoding.UTF8.GetBytes(review.ToJsonString());
        HttpContent content = chunked ? new StreamContent(new MemoryStream(bytes)) : new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (chunked)
        {
            content.Headers.ContentLength = null;
        }

        var (status, text) = await PostAsync(server, "/webhooks/validate", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("exceeds 4096 bytes", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WrongContentType_415()
    {
        await using var server = await WebhookServer.StartAsync();

        var (status, _) = await PostAsync(server, "/webhooks/validate", new StringContent(Review("shoot-valid"), Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    [Theory]
    [InlineData("application/jsonx")]
    [InlineData("application/json-patch+json")]
    [InlineData("application/json; charset=latin1")]
    [InlineData("text/json")]
    public async Task Post_NotJsonMediaType_415(string contentType)
    {
        await using var server = await WebhookServer.StartAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Review("shoot-valid")));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var (status, text) = await PostAsync(server, "/webhooks/validate", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Contains("content-type must be application/json", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; charset=UTF-8")]
    public async Task Post_JsonMediaType_Reviewed(string contentType)
    {
        await using var server = await WebhookServer.StartAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Review("shoot-valid")));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var (status, text) = await PostAsync(server, "/webhooks/validate", content);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("\"allowed\":true", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_UidWithInvalidUtf8_400WithReason()
    {
        await using var server = await WebhookServer.StartAsync();
        var json = Encoding.UTF8.GetBytes(Review("shoot-valid").Replace("0b8e6c1a-0001-4000-8000-000000000001", "UIDMARK", StringComparison.Ordinal));
        var at = json.AsSpan().IndexOf("UIDMARK"u8);
        json[at] = 0xC3; // a lead byte followed by ASCII: not UTF-8
        json[at + 1] = 0x28;

        var (status, text) = await PostAsync(server, "/webhooks/validate", new ByteArrayContent(json) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") } });
        var (after, _) = await PostAsync(server, "/webhooks/validate", new StringContent(Review("shoot-valid"), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("not valid UTF-8", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after);
    }

    [Fact]
    public async Task Post_UidWithLoneSurrogateEscape_400WithReason()
    {
        await using var server = await WebhookServer.StartAsync();
        var review = Review("shoot-valid").Replace("0b8e6c1a-0001-4000-8000-000000000001", "\\ud800", StringComparison.Ordinal);

        var (status, text) = await PostAsync(server, "/webhooks/validate", new StringContent(review, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("$.request.uid", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ObjectWithLoneSurrogateEscape_DeniedWith400Code()
    {
        await using var server = await WebhookServer.StartAsync();
        var review = Review("shoot-valid").Replace("\"acme\"", "\"\\udc00\"", StringComparison.Ordinal); // the tenant annotation, only in request.object

        var (status, text) = await PostAsync(server, "/webhooks/validate", new StringContent(review, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("\"allowed\":false", text, StringComparison.Ordinal);
        Assert.Contains("\"code\":400", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("object", "\"a string\"")]
    [InlineData("object", "42")]
    [InlineData("object", "[]")]
    [InlineData("oldObject", "true")]
    public async Task Post_ObjectNotAJsonObject_400NamingTheField(string field, string value)
    {
        await using var server = await WebhookServer.StartAsync();
        var review = JsonNode.Parse(Review("shoot-valid"))!;
        review["request"]![field] = JsonNode.Parse(value);

        var (status, text) = await PostAsync(server, "/webhooks/validate", new StringContent(review.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("$.request." + field + " must be an object", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_FloodOfBadInput_EveryRequestAnsweredAndServerKeepsServing()
    {
        await using var server = await WebhookServer.StartAsync();
        var bad = Encoding.UTF8.GetBytes("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"X\"}}");
        bad[^4] = 0xFF; // the uid's only byte: never valid UTF-8

        var statuses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
            (await PostAsync(server, "/webhooks/validate", new ByteArrayContent(bad) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") } })).Status)).WaitAsync(TimeSpan.FromSeconds(60));
        var (after, _) = await PostAsync(server, "/webhooks/validate", new StringContent(Review("shoot-valid"), Encoding.UTF8, "application/json"));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(HttpStatusCode.OK, after);
    }

    [Fact]
    public async Task Post_GardenApiDown_DeniedWith500AndHostKeepsServing()
    {
        await using var server = await WebhookServer.StartAsync(o => o with { CloudProfileCacheTtl = TimeSpan.Zero });
        server.Sources.Fail = true;

        var (status, text) = await PostAsync(server, "/webhooks/validate", new StringContent(Review("shoot-valid"), Encoding.UTF8, "application/json"));
        server.Sources.Fail = false;
        var (_, after) = await PostAsync(server, "/webhooks/validate", new StringContent(Review("shoot-valid"), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("cannot read CloudProfile \\u0022metal\\u0022", text, StringComparison.Ordinal);
        Assert.Contains("\"allowed\":true", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutate_Patch_AppliesUpstreamDefaults()
    {
        await using var server = await WebhookServer.StartAsync();

        var (_, text) = await PostAsync(server, "/webhooks/mutate", new StringContent(Review("shoot-mutate-defaults"), Encoding.UTF8, "application/json"));
        var response = JsonNode.Parse(text)!["response"]!;
        var patch = JsonNode.Parse(Convert.FromBase64String(response["patch"]!.GetValue<string>()))!.AsArray();
        var ops = patch.ToDictionary(p => p!["path"]!.GetValue<string>(), p => p!["value"]!.ToJsonString());

        Assert.Equal("JSONPatch", response["patchType"]!.GetValue<string>());
        Assert.All(patch, p => Assert.Equal("add", p!["op"]!.GetValue<string>()));
        Assert.Equal("{\"nodeCIDRMaskSize\":23}", ops["/spec/kubernetes/kubeControllerManager"]);
        Assert.Equal("{\"maxPods\":250}", ops["/spec/kubernetes/kubelet"]);
        Assert.Equal("\"firewall-ubuntu-3.0.20240101\"", ops["/spec/provider/infrastructureConfig/firewall/image"]);
        Assert.Equal("\"c1-xlarge-x86\"", ops["/spec/provider/infrastructureConfig/firewall/size"]);
        Assert.Equal("{\"type\":\"calico\"}", ops["/spec/networking"]);
        Assert.Equal("\"10.240.0.0/13\"", ops["/spec/networking/pods"]);
        Assert.Equal("\"10.248.0.0/18\"", ops["/spec/networking/services"]);
        Assert.Equal("{\"enabled\":true}", ops["/spec/kubernetes/kubeProxy"]);
    }

    [Fact]
    public async Task Tls_CertificateFilesReplaced_NewCertificateServed()
    {
        await using var server = await WebhookServer.StartAsync();
        var (before, _) = await PostAsync(server, "/webhooks/validate", new StringContent(Review("shoot-valid"), Encoding.UTF8, "application/json"));

        // Act: rotate the files (different subject → different certificate); connections are not pooled.
        var rotated = TestCertificate.Write(server.CertFile, server.KeyFile, "CN=admission-rotated");
        var (after, _) = await PostAsync(server, "/webhooks/validate", new StringContent(Review("shoot-valid"), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(HttpStatusCode.OK, after);
        Assert.Equal(rotated.GetCertHashString(), server.Presented[^1]);
        Assert.NotEqual(server.Presented[0], server.Presented[^1]);
    }

    [Fact]
    public async Task Http_PlainHttp_Refused()
    {
        await using var server = await WebhookServer.StartAsync();
        using var plain = new HttpClient();

        var ex = await Record.ExceptionAsync(() => plain.GetAsync(new Uri("http://" + server.BaseAddress.Authority + "/healthz")).WaitAsync(Timeout));

        Assert.NotNull(ex);
    }
}
