using System.Text.Json.Nodes;

namespace GardenerMetal.KubeEmulator.Tests;

/// <summary>Real kubectl against the emulator: the Gardener CRDs and an Infrastructure through its whole life.</summary>
public sealed class KubectlTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Ns = "shoot--foo--bar";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Kubectl_InfrastructureLifecycle_BehavesLikeKubeApiserver()
    {
        // Apply the real Gardener CRDs, then the Infrastructure of the provider-metal example.
        var crds = await KubectlAsync("apply", "-f", RepoPaths.Reference("gardener-crds"));
        Assert.True(crds.ExitCode == 0, crds.Stderr);
        // Another test of this class may have loaded the CRD already: created, configured or unchanged are all success.
        Assert.Matches(@"customresourcedefinition\.apiextensions\.k8s\.io/infrastructures\.extensions\.gardener\.cloud (created|configured|unchanged)", crds.Stdout);
        var established = await KubectlAsync("wait", "--for=condition=Established", "crd/infrastructures.extensions.gardener.cloud", "--timeout=20s");
        Assert.True(established.ExitCode == 0, established.Stderr);

        // kubectl create namespace sends a protobuf body.
        var ns = await KubectlAsync("create", "namespace", Ns);
        Assert.True(ns.ExitCode == 0 || ns.Stderr.Contains("AlreadyExists", StringComparison.Ordinal), ns.Stderr);

        var infra = await KubectlStdinAsync(InfrastructureYaml(), "apply", "-f", "-");
        Assert.True(infra.ExitCode == 0, infra.Stderr);
        var again = await KubectlStdinAsync(InfrastructureYaml(), "apply", "-f", "-");
        Assert.Contains("unchanged", again.Stdout, StringComparison.Ordinal);

        var json = await GetJsonAsync();
        Assert.Equal("metal", (string?)json["spec"]!["type"]);
        Assert.Equal("nbg", (string?)json["spec"]!["region"]);
        Assert.Equal(1, Api.Generation(json));

        // Status through the subresource; the table shows the printer column.
        var status = await KubectlAsync("-n", Ns, "patch", "infrastructure", "infrastructure", "--subresource=status", "--type=merge",
            "-p", """{"status":{"nodesCIDR":"10.1.0.0/24","lastOperation":{"type":"Create","state":"Succeeded","progress":100,"description":"done","lastUpdateTime":"2025-01-01T00:00:00Z"}}}""");
        Assert.True(status.ExitCode == 0, status.Stderr);
        var table = await KubectlAsync("-n", Ns, "get", "infra");
        Assert.Contains("Succeeded", table.Stdout, StringComparison.Ordinal);
        json = await GetJsonAsync();
        Assert.Equal("10.1.0.0/24", (string?)json["status"]!["nodesCIDR"]);
        Assert.Equal(1, Api.Generation(json));

        // A stale replace conflicts.
        var stale = (JsonObject)json.DeepClone();
        var patch = await KubectlAsync("-n", Ns, "patch", "infrastructure", "infrastructure", "--type=merge", "-p", """{"spec":{"region":"fra"}}""");
        Assert.True(patch.ExitCode == 0, patch.Stderr);
        Assert.Equal(2, Api.Generation(await GetJsonAsync()));
        stale["spec"]!["region"] = "muc";
        var replace = await KubectlStdinAsync(stale.ToJsonString(), "replace", "-f", "-");
        Assert.NotEqual(0, replace.ExitCode);
        Assert.Contains("Conflict", replace.Stderr, StringComparison.Ordinal);
        Assert.Contains("the object has been modified", replace.Stderr, StringComparison.Ordinal);

        // Watch sees the next change.
        var watch = KubectlAsync("-n", Ns, "get", "infrastructure", "infrastructure", "--watch", "-o", "json", "--request-timeout=10s");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var label = await KubectlAsync("-n", Ns, "label", "infrastructure", "infrastructure", "watched=yes");
        Assert.True(label.ExitCode == 0, label.Stderr);
        var watched = await watch.WaitAsync(Timeout);
        Assert.Contains("\"watched\": \"yes\"", watched.Stdout, StringComparison.Ordinal);

        // Delete with a finalizer: stays with deletionTimestamp until the finalizer is removed.
        var fin = await KubectlAsync("-n", Ns, "patch", "infrastructure", "infrastructure", "--type=merge", "-p", """{"metadata":{"finalizers":["extensions.gardener.cloud/infrastructure"]}}""");
        Assert.True(fin.ExitCode == 0, fin.Stderr);
        var delete = await KubectlAsync("-n", Ns, "delete", "infrastructure", "infrastructure", "--wait=false");
        Assert.True(delete.ExitCode == 0, delete.Stderr);
        json = await GetJsonAsync();
        Assert.NotNull(json["metadata"]!["deletionTimestamp"]);
        var unfin = await KubectlAsync("-n", Ns, "patch", "infrastructure", "infrastructure", "--type=json", "-p", """[{"op":"remove","path":"/metadata/finalizers"}]""");
        Assert.True(unfin.ExitCode == 0, unfin.Stderr);
        var gone = await KubectlAsync("-n", Ns, "get", "infrastructure", "infrastructure", "-o", "json");
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("NotFound", gone.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_ServerSideValidation_RejectsUnknownFieldAndSchemaViolation()
    {
        await fixture.Server.ApplyFileAsync(RepoPaths.Reference("gardener-crds", "extensions.gardener.cloud_infrastructures.yaml")).WaitAsync(Timeout);
        await fixture.Server.ApplyYamlAsync("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: validation\n").WaitAsync(Timeout);
        var unknown = await KubectlStdinAsync("apiVersion: extensions.gardener.cloud/v1alpha1\nkind: Infrastructure\nmetadata:\n  name: i\n  namespace: validation\nspec:\n  type: metal\n  region: r\n  secretRef: {name: s}\n  bogus: 1\n", "apply", "-f", "-");
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("unknown field \"spec.bogus\"", unknown.Stderr, StringComparison.Ordinal);

        var missing = await KubectlStdinAsync("apiVersion: extensions.gardener.cloud/v1alpha1\nkind: Infrastructure\nmetadata:\n  name: i\n  namespace: validation\nspec:\n  type: metal\n", "apply", "-f", "-");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("spec.region: Required value", missing.Stderr, StringComparison.Ordinal);
    }

    private async Task<JsonObject> GetJsonAsync()
    {
        var get = await KubectlAsync("-n", Ns, "get", "infrastructure", "infrastructure", "-o", "json");
        Assert.True(get.ExitCode == 0, get.Stderr);
        return (JsonObject)JsonNode.Parse(get.Stdout)!;
    }

    private static string InfrastructureYaml()
    {
        // The Infrastructure document of the upstream example (its Secret carries invalid base64 that a real server rejects too).
        var text = File.ReadAllText(RepoPaths.Reference("examples", "provider-metal", "30-infrastructure.yaml"));
        return text.Split("\n---").Single(d => d.Contains("kind: Infrastructure", StringComparison.Ordinal));
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> KubectlAsync(params string[] args) => KubectlStdinAsync(null, args);

    private Task<(int ExitCode, string Stdout, string Stderr)> KubectlStdinAsync(string? stdin, params string[] args) =>
        ProcessRunner.RunAsync("kubectl", args, fixture, Timeout, stdin);
}
