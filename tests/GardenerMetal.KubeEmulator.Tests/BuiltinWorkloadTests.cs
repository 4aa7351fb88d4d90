using System.Net;
using System.Text.Json.Nodes;

namespace GardenerMetal.KubeEmulator.Tests;

/// <summary>apps/v1, RBAC, policy and the seed CRD kinds as kube-apiserver serves them: strict decoding, strategic merge patch, /scale, body cap.</summary>
public sealed class BuiltinWorkloadTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Deployments = "/apis/apps/v1/namespaces/default/deployments";

    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task OpenApiV2_ContentType_IsWhatKubeOpenApiSends()
    {
        using var response = await Http.GetAsync(new Uri("/openapi/v2", UriKind.Relative)).WaitAsync(Api.Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Go's mime.ParseMediaType (helm, client-go) rejects the '@' form.
        Assert.Equal("application/com.github.proto-openapi.spec.v2.v1.0+protobuf", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("/apis/apps/v1", "deployments/scale")]
    [InlineData("/apis/apps/v1", "statefulsets/scale")]
    [InlineData("/apis/apps/v1", "daemonsets/status")]
    [InlineData("/apis/rbac.authorization.k8s.io/v1", "clusterrolebindings")]
    [InlineData("/apis/policy/v1", "poddisruptionbudgets/status")]
    [InlineData("/apis/networking.k8s.io/v1", "networkpolicies")]
    [InlineData("/apis/storage.k8s.io/v1", "storageclasses")]
    [InlineData("/apis/autoscaling.k8s.io/v1", "verticalpodautoscalers")]
    [InlineData("/apis/monitoring.coreos.com/v1", "servicemonitors")]
    [InlineData("/apis/monitoring.coreos.com/v1", "prometheusrules")]
    public async Task Discovery_SeedKinds_AreServed(string groupVersion, string resource)
    {
        var (code, body) = await Api.GetAsync(Http, groupVersion);

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Contains(body["resources"]!.AsArray(), r => (string?)r!["name"] == resource);
    }

    [Fact]
    public async Task Create_UnknownFieldWithStrict_Returns400NamingTheField()
    {
        var (code, body) = await Api.PostAsync(Http, Deployments + "?fieldValidation=Strict", Deployment("strict", extraContainerField: ",\"bogus\":1"));

        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Equal("strict decoding error: unknown field \"spec.template.spec.containers[0].bogus\"", (string?)body["message"]);
    }

    [Fact]
    public async Task Create_UnknownFieldWithWarn_IsDroppedAndWarned()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Deployments) { Content = new StringContent(Deployment("warned", extraContainerField: ",\"bogus\":1")) };
        request.Content.Headers.ContentType = new("application/json");
        using var response = await Http.SendAsync(request).WaitAsync(Api.Timeout);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync().WaitAsync(Api.Timeout))!;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Null(body["spec"]!["template"]!["spec"]!["containers"]![0]!["bogus"]);
        Assert.Contains(response.Headers.GetValues("Warning"), w => w.Contains("unknown field \\\"spec.template.spec.containers[0].bogus\\\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_BuiltinSecretUnknownFieldWithStrict_Returns400()
    {
        var (code, body) = await Api.PostAsync(Http, "/api/v1/namespaces/default/secrets?fieldValidation=Strict", """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"strngData":{"a":"b"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Contains("unknown field \"strngData\"", (string?)body["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WrongJsonType_Returns400NamingTheField()
    {
        var (code, body) = await Api.PostAsync(Http, Deployments, Deployment("typed").Replace("\"replicas\":1", "\"replicas\":\"one\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Contains("spec.replicas", (string?)body["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_SelectorNotMatchingTemplate_Returns422()
    {
        var (code, body) = await Api.PostAsync(Http, Deployments, Deployment("mismatch").Replace("\"labels\":{\"app\":\"mismatch\"}", "\"labels\":{\"app\":\"other\"}", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Contains(body["details"]!["causes"]!.AsArray(), c => (string?)c!["field"] == "spec.template.metadata.labels");
    }

    [Fact]
    public async Task StrategicMergePatch_ContainersAndEnv_MergeByKeyAndKeepOrder()
    {
        var (created, _) = await Api.PostAsync(Http, Deployments, Deployment("smp", secondContainer: true));
        Assert.Equal(HttpStatusCode.Created, created);

        // What Helm's three-way patch sends when one container's args and env change.
        var (code, body) = await Api.PatchAsync(
            Http,
            Deployments + "/smp",
            """{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"main"},{"name":"side"}],"containers":[{"name":"side","args":["--new"],"$setElementOrder/env":[{"name":"A"},{"name":"B"}],"env":[{"name":"B","value":"2"}]}]}}}}""",
            "application/strategic-merge-patch+json");

        Assert.Equal(HttpStatusCode.OK, code);
        var containers = body["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal(["main", "side"], containers.Select(c => (string?)c!["name"]));
        Assert.Equal("busybox", (string?)containers[0]!["image"]);
        Assert.Equal("--new", (string?)containers[1]!["args"]![0]);
        Assert.Equal(["A", "B"], containers[1]!["env"]!.AsArray().Select(e => (string?)e!["name"]));
    }

    [Fact]
    public async Task StrategicMergePatch_DeleteDirective_RemovesOneContainer()
    {
        await Api.PostAsync(Http, Deployments, Deployment("smpdel", secondContainer: true));

        var (code, body) = await Api.PatchAsync(Http, Deployments + "/smpdel", """{"spec":{"template":{"spec":{"containers":[{"name":"side","$patch":"delete"}]}}}}""", "application/strategic-merge-patch+json");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal(["main"], body["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Select(c => (string?)c!["name"]));
    }

    [Fact]
    public async Task StrategicMergePatch_ListWithoutStrategy_IsReplaced()
    {
        await Api.PostAsync(Http, Deployments, Deployment("smpargs"));

        var (code, body) = await Api.PatchAsync(Http, Deployments + "/smpargs", """{"spec":{"template":{"spec":{"containers":[{"name":"main","args":["--b"]}]}}}}""", "application/strategic-merge-patch+json");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal(["--b"], body["spec"]!["template"]!["spec"]!["containers"]![0]!["args"]!.AsArray().Select(a => (string?)a));
    }

    [Fact]
    public async Task StrategicMergePatch_MissingMergeKey_Returns422()
    {
        await Api.PostAsync(Http, Deployments, Deployment("smpkey"));

        var (code, _) = await Api.PatchAsync(Http, Deployments + "/smpkey", """{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}""", "application/strategic-merge-patch+json");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
    }

    [Fact]
    public async Task StrategicMergePatch_CustomResource_Returns415()
    {
        var (created, _) = await Api.PostAsync(Http, "/apis/autoscaling.k8s.io/v1/namespaces/default/verticalpodautoscalers", """{"apiVersion":"autoscaling.k8s.io/v1","kind":"VerticalPodAutoscaler","metadata":{"name":"v"},"spec":{"targetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"d"}}}""");
        Assert.Equal(HttpStatusCode.Created, created);

        var (code, _) = await Api.PatchAsync(Http, "/apis/autoscaling.k8s.io/v1/namespaces/default/verticalpodautoscalers/v", """{"spec":{"updatePolicy":{"updateMode":"Off"}}}""", "application/strategic-merge-patch+json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, code);
    }

    [Fact]
    public async Task Scale_GetAndPatch_ChangesSpecReplicas()
    {
        await Api.PostAsync(Http, Deployments, Deployment("scaled"));

        var (getCode, scale) = await Api.GetAsync(Http, Deployments + "/scaled/scale");
        var (patchCode, patched) = await Api.PatchAsync(Http, Deployments + "/scaled/scale", """{"spec":{"replicas":4}}""");
        var (_, deployment) = await Api.GetAsync(Http, Deployments + "/scaled");

        Assert.Equal(HttpStatusCode.OK, getCode);
        Assert.Equal("Scale", (string?)scale["kind"]);
        Assert.Equal(1, (int)scale["spec"]!["replicas"]!);
        Assert.Equal("app=scaled", (string?)scale["status"]!["selector"]);
        Assert.Equal(HttpStatusCode.OK, patchCode);
        Assert.Equal(4, (int)patched["spec"]!["replicas"]!);
        Assert.Equal(4, (int)deployment["spec"]!["replicas"]!);
    }

    [Fact]
    public async Task Scale_NegativeReplicas_Returns422()
    {
        await Api.PostAsync(Http, Deployments, Deployment("negative"));

        var (code, _) = await Api.PatchAsync(Http, Deployments + "/negative/scale", """{"spec":{"replicas":-1}}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
    }

    [Fact]
    public async Task Scale_CrdWithScaleSubresource_IsServed()
    {
        await fixture.Server.ApplyFileAsync(RepoPaths.Reference("mcm-crds", "machine.sapcloud.io_machinedeployments.yaml")).WaitAsync(Api.Timeout);
        var path = "/apis/machine.sapcloud.io/v1alpha1/namespaces/default/machinedeployments";
        var (created, createdBody) = await Api.PostAsync(Http, path, """{"apiVersion":"machine.sapcloud.io/v1alpha1","kind":"MachineDeployment","metadata":{"name":"md"},"spec":{"replicas":1,"selector":{"matchLabels":{"a":"b"}},"template":{"metadata":{"labels":{"a":"b"}},"spec":{"class":{"kind":"MachineClass","name":"c"}}}}}""");
        Assert.True(created == HttpStatusCode.Created, createdBody.ToJsonString());

        var (code, scale) = await Api.PatchAsync(Http, path + "/md/scale", """{"spec":{"replicas":3}}""");
        var (_, md) = await Api.GetAsync(Http, path + "/md");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal(3, (int)scale["spec"]!["replicas"]!);
        Assert.Equal(3, (int)md["spec"]!["replicas"]!);
    }

    [Fact]
    public async Task Create_BodyOverThreeMebibytes_Returns413()
    {
        var big = new string('x', (3 * 1024 * 1024) + 1);
        var (code, body) = await Api.PostAsync(Http, "/api/v1/namespaces/default/configmaps", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"big\"},\"data\":{\"k\":\"" + big + "\"}}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, code);
        Assert.Equal("RequestEntityTooLarge", (string?)body["reason"]);
    }

    [Fact]
    public async Task Create_ClusterRoleBindingWithoutRoleRef_Returns422()
    {
        var (code, body) = await Api.PostAsync(Http, "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", """{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"b"},"subjects":[{"kind":"ServiceAccount","name":"sa"}]}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Contains(body["details"]!["causes"]!.AsArray(), c => (string?)c!["field"] == "roleRef");
    }

    [Fact]
    public async Task Create_VpaUnknownFieldWithStrict_Returns400()
    {
        var (code, body) = await Api.PostAsync(Http, "/apis/autoscaling.k8s.io/v1/namespaces/default/verticalpodautoscalers?fieldValidation=Strict", """{"apiVersion":"autoscaling.k8s.io/v1","kind":"VerticalPodAutoscaler","metadata":{"name":"strict"},"spec":{"targetRef":{"kind":"Deployment","name":"d"},"updatPolicy":{}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Contains("unknown field \"spec.updatPolicy\"", (string?)body["message"], StringComparison.Ordinal);
    }

    private static string Deployment(string name, string extraContainerField = "", bool secondContainer = false)
    {
        var side = secondContainer ? $$""",{"name":"side","image":"busybox","args":["--old"],"env":[{"name":"A","value":"1"}]}""" : string.Empty;
        return """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"NAME"},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"NAME"}},"template":{"metadata":{"labels":{"app":"NAME"}},"spec":{"containers":[{"name":"main","image":"busybox","args":["--a"]EXTRA}SIDE]}}}}"""
            .Replace("NAME", name, StringComparison.Ordinal).Replace("EXTRA", extraContainerField, StringComparison.Ordinal).Replace("SIDE", side, StringComparison.Ordinal);
    }
}
