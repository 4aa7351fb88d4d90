using System.Net;
using System.Text.Json.Nodes;

namespace GardenerMetal.KubeEmulator.Tests;

/// <summary>Admission webhooks over TLS with AdmissionReview v1: mutation, denial, failurePolicy, timeout, caBundle.</summary>
public sealed class AdmissionWebhookTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task MutatingWebhook_PatchIsApplied_ReviewCarriesObject()
    {
        await using var hook = await FakeWebhookServer.StartAsync().WaitAsync(Api.Timeout);
        await SetUpAsync("mutate", "MutatingWebhookConfiguration", hook.BaseAddress + "mutate", hook.CaBundle, "Fail", 10);
        var (code, cm) = await Api.PostAsync(_http, "/api/v1/namespaces/wh-mutate/configmaps", """{"metadata":{"name":"m"}}""");
        Assert.Equal(HttpStatusCode.Created, code);
        Assert.Equal("yes", (string?)cm["metadata"]!["labels"]!["mutated"]);
        var review = hook.Reviews.Single();
        Assert.Equal("admission.k8s.io/v1", (string?)review["apiVersion"]);
        Assert.Equal("CREATE", (string?)review["request"]!["operation"]);
        Assert.Equal("configmaps", (string?)review["request"]!["resource"]!["resource"]);
        Assert.Equal("m", (string?)review["request"]!["object"]!["metadata"]!["name"]);
    }

    [Fact]
    public async Task ValidatingWebhook_Denial_ReachesClientLikeKubeApiserver()
    {
        await using var hook = await FakeWebhookServer.StartAsync().WaitAsync(Api.Timeout);
        await SetUpAsync("deny", "ValidatingWebhookConfiguration", hook.BaseAddress + "deny", hook.CaBundle, "Fail", 10);
        var (code, status) = await Api.PostAsync(_http, "/api/v1/namespaces/wh-deny/configmaps", """{"metadata":{"name":"d"}}""");
        Assert.Equal(HttpStatusCode.Forbidden, code);
        Assert.Equal("admission webhook \"deny.test.gardenermetal.io\" denied the request: no thanks", (string?)status["message"]);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(_http, "/api/v1/namespaces/wh-deny/configmaps/d")).Code);
    }

    [Fact]
    public async Task ValidatingWebhook_DenialWithDetails_PassesStatusThroughLikeKubeApiserver()
    {
        await using var hook = await FakeWebhookServer.StartAsync().WaitAsync(Api.Timeout);
        await SetUpAsync("invalid", "ValidatingWebhookConfiguration", hook.BaseAddress + "deny-invalid", hook.CaBundle, "Fail", 10);

        var (code, status) = await Api.PostAsync(_http, "/api/v1/namespaces/wh-invalid/configmaps", """{"metadata":{"name":"x"}}""");

        // kube-apiserver (webhook/errors.ToStatusErr) keeps the webhook's code, reason and details and prefixes the message.
        Assert.Equal((HttpStatusCode)422, code);
        Assert.Equal("Status", (string?)status["kind"]);
        Assert.Equal("Failure", (string?)status["status"]);
        Assert.Equal(422, (int)status["code"]!);
        Assert.Equal("Invalid", (string?)status["reason"]);
        Assert.Equal(
            "admission webhook \"invalid.test.gardenermetal.io\" denied the request: Shoot.core.gardener.cloud \"x\" is invalid: [spec.region: Required value, spec.provider.type: Unsupported value: \"aws\"]",
            (string?)status["message"]);
        var details = status["details"]!;
        Assert.Equal("x", (string?)details["name"]);
        Assert.Equal("core.gardener.cloud", (string?)details["group"]);
        Assert.Equal("Shoot", (string?)details["kind"]);
        var causes = details["causes"]!.AsArray().Select(c => ((string?)c!["field"], (string?)c["reason"], (string?)c["message"])).ToList();
        Assert.Equal(
            [("spec.region", "FieldValueRequired", "Required value"), ("spec.provider.type", "FieldValueNotSupported", "Unsupported value: \"aws\"")],
            causes);

        // kubectl renders an Invalid Status with details per field, as it does against a real cluster.
        var kubectl = await ProcessRunner.RunAsync(
            "kubectl", ["create", "-f", "-"], fixture, TimeSpan.FromSeconds(60), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: wh-invalid\n");
        Assert.NotEqual(0, kubectl.ExitCode);
        Assert.Contains("The Shoot \"x\" is invalid:", kubectl.Stderr, StringComparison.Ordinal);
        Assert.Contains("* spec.region: Required value", kubectl.Stderr, StringComparison.Ordinal);
        Assert.Contains("* spec.provider.type: Unsupported value: \"aws\"", kubectl.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableWebhook_FailurePolicyDecides()
    {
        await SetUpAsync("ignore", "ValidatingWebhookConfiguration", "https://127.0.0.1:1/none", null, "Ignore", 2);
        var (ignored, _) = await Api.PostAsync(_http, "/api/v1/namespaces/wh-ignore/configmaps", """{"metadata":{"name":"i"}}""");
        Assert.Equal(HttpStatusCode.Created, ignored);

        await SetUpAsync("fail", "ValidatingWebhookConfiguration", "https://127.0.0.1:1/none", null, "Fail", 2);
        var (failed, status) = await Api.PostAsync(_http, "/api/v1/namespaces/wh-fail/configmaps", """{"metadata":{"name":"f"}}""");
        Assert.Equal(HttpStatusCode.InternalServerError, failed);
        Assert.Contains("failed calling webhook \"fail.test.gardenermetal.io\"", (string?)status["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowWebhook_TimeoutSecondsIsRespected()
    {
        await using var hook = await FakeWebhookServer.StartAsync().WaitAsync(Api.Timeout);
        await SetUpAsync("slow", "ValidatingWebhookConfiguration", hook.BaseAddress + "slow", hook.CaBundle, "Fail", 1);
        var (code, status) = await Api.PostAsync(_http, "/api/v1/namespaces/wh-slow/configmaps", """{"metadata":{"name":"s"}}""");
        Assert.Equal(HttpStatusCode.InternalServerError, code);
        // The webhook answers only after 5 s; the emulator gave up after timeoutSeconds (1 s) like kube-apiserver.
        Assert.Contains("context deadline exceeded", (string?)status["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebhookWithWrongCaBundle_IsNotTrusted()
    {
        await using var hook = await FakeWebhookServer.StartAsync().WaitAsync(Api.Timeout);
        await using var other = await FakeWebhookServer.StartAsync().WaitAsync(Api.Timeout);
        await SetUpAsync("ca", "ValidatingWebhookConfiguration", hook.BaseAddress + "deny", other.CaBundle, "Fail", 5);
        var (code, status) = await Api.PostAsync(_http, "/api/v1/namespaces/wh-ca/configmaps", """{"metadata":{"name":"c"}}""");
        Assert.Equal(HttpStatusCode.InternalServerError, code);
        Assert.Contains("failed calling webhook", (string?)status["message"], StringComparison.Ordinal);
        Assert.Empty(hook.Reviews);
    }

    private async Task SetUpAsync(string name, string kind, string url, string? caBundle, string failurePolicy, int timeoutSeconds)
    {
        var ns = new JsonObject { ["metadata"] = new JsonObject { ["name"] = $"wh-{name}", ["labels"] = new JsonObject { ["webhook"] = name } } };
        var (nsCode, _) = await Api.PostAsync(_http, "/api/v1/namespaces", ns.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, nsCode);
        var clientConfig = new JsonObject { ["url"] = url };
        if (caBundle is not null)
        {
            clientConfig["caBundle"] = caBundle;
        }

        var config = new JsonObject
        {
            ["apiVersion"] = "admissionregistration.k8s.io/v1",
            ["kind"] = kind,
            ["metadata"] = new JsonObject { ["name"] = name },
            ["webhooks"] = new JsonArray(new JsonObject
            {
                ["name"] = $"{name}.test.gardenermetal.io",
                ["admissionReviewVersions"] = new JsonArray("v1"),
                ["sideEffects"] = "None",
                ["failurePolicy"] = failurePolicy,
                ["timeoutSeconds"] = timeoutSeconds,
                ["clientConfig"] = clientConfig,
                ["namespaceSelector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["webhook"] = name } },
                ["rules"] = new JsonArray(new JsonObject
                {
                    ["apiGroups"] = new JsonArray(""),
                    ["apiVersions"] = new JsonArray("v1"),
                    ["resources"] = new JsonArray("configmaps"),
                    ["operations"] = new JsonArray("CREATE", "UPDATE"),
                }),
            }),
        };
        var plural = kind == "MutatingWebhookConfiguration" ? "mutatingwebhookconfigurations" : "validatingwebhookconfigurations";
        var (code, body) = await Api.PostAsync(_http, $"/apis/admissionregistration.k8s.io/v1/{plural}", config.ToJsonString());
        Assert.True(code == HttpStatusCode.Created, body.ToJsonString());
    }
}
