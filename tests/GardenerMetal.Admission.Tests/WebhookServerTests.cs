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
