using System.Text;
using System.Text.Json.Nodes;

namespace GardenerMetal.KubeEmulator.Tests;

/// <summary>Real kubectl's typed generators, which send protobuf bodies, against the emulator.</summary>
public sealed class KubectlProtobufTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task KubectlCreate_NamespaceConfigMapSecret_CreatesObjectsThatReadBack()
    {
        var ns = await KubectlAsync("create", "namespace", "proto");
        Assert.True(ns.ExitCode == 0, ns.Stderr);
        Assert.Contains("namespace/proto created", ns.Stdout, StringComparison.Ordinal);

        var cm = await KubectlAsync("-n", "proto", "create", "configmap", "settings", "--from-literal=a=b", "--from-literal=greeting=hello world");
        Assert.True(cm.ExitCode == 0, cm.Stderr);
        var secret = await KubectlAsync("-n", "proto", "create", "secret", "generic", "creds", "--from-literal=username=admin", "--from-literal=password=s3cr=t");
        Assert.True(secret.ExitCode == 0, secret.Stderr);

        var nsJson = await GetJsonAsync("get", "namespace", "proto");
        Assert.Equal("proto", (string?)nsJson["metadata"]!["labels"]!["kubernetes.io/metadata.name"]);
        Assert.Equal("Active", (string?)nsJson["status"]!["phase"]);
        var cmJson = await GetJsonAsync("-n", "proto", "get", "configmap", "settings");
        Assert.Equal("b", (string?)cmJson["data"]!["a"]);
        Assert.Equal("hello world", (string?)cmJson["data"]!["greeting"]);
        var secretJson = await GetJsonAsync("-n", "proto", "get", "secret", "creds");
        Assert.Equal("Opaque", (string?)secretJson["type"]);
        Assert.Equal("admin", Decode(secretJson["data"]!["username"]));
        Assert.Equal("s3cr=t", Decode(secretJson["data"]!["password"]));
    }

    [Fact]
    public async Task KubectlLabelAndAnnotate_OnProtobufCreatedConfigMap_KeepData()
    {
        await fixture.Server.ApplyYamlAsync("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: proto-meta\n").WaitAsync(Timeout);
        var create = await KubectlAsync("-n", "proto-meta", "create", "configmap", "labelled", "--from-literal=k=v");
        Assert.True(create.ExitCode == 0, create.Stderr);

        var label = await KubectlAsync("-n", "proto-meta", "label", "configmap", "labelled", "team=blue");
        var annotate = await KubectlAsync("-n", "proto-meta", "annotate", "configmap", "labelled", "owner=ops");

        Assert.True(label.ExitCode == 0, label.Stderr);
        Assert.True(annotate.ExitCode == 0, annotate.Stderr);
        var json = await GetJsonAsync("-n", "proto-meta", "get", "configmap", "labelled");
        Assert.Equal("blue", (string?)json["metadata"]!["labels"]!["team"]);
        Assert.Equal("ops", (string?)json["metadata"]!["annotations"]!["owner"]);
        Assert.Equal("v", (string?)json["data"]!["k"]);
        var selected = await KubectlAsync("-n", "proto-meta", "get", "configmap", "-l", "team=blue", "-o", "name");
        Assert.Equal("configmap/labelled", selected.Stdout.Trim());
    }

    [Fact]
    public async Task KubectlCreate_ServiceAccountAndService_CreateObjectsWithSpec()
    {
        await fixture.Server.ApplyYamlAsync("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: proto-svc\n").WaitAsync(Timeout);

        var sa = await KubectlAsync("-n", "proto-svc", "create", "serviceaccount", "robot");
        var svc = await KubectlAsync("-n", "proto-svc", "create", "service", "clusterip", "web", "--tcp=80:http", "--tcp=443:8443");

        Assert.True(sa.ExitCode == 0, sa.Stderr);
        Assert.True(svc.ExitCode == 0, svc.Stderr);
        var saJson = await GetJsonAsync("-n", "proto-svc", "get", "serviceaccount", "robot");
        Assert.Equal("robot", (string?)saJson["metadata"]!["name"]);
        var svcJson = await GetJsonAsync("-n", "proto-svc", "get", "service", "web");
        Assert.Equal("web", (string?)svcJson["metadata"]!["labels"]!["app"]);
        Assert.Equal("web", (string?)svcJson["spec"]!["selector"]!["app"]);
        Assert.Equal("http", (string?)svcJson["spec"]!["ports"]![0]!["targetPort"]);
        Assert.Equal(8443, (int)svcJson["spec"]!["ports"]![1]!["targetPort"]!);
        Assert.False(string.IsNullOrEmpty((string?)svcJson["spec"]!["clusterIP"]));
    }

    [Fact]
    public async Task KubectlCreate_ExistingAndInvalidObjects_FailLikeKubeApiserver()
    {
        await fixture.Server.ApplyYamlAsync("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: proto-err\n").WaitAsync(Timeout);
        var first = await KubectlAsync("-n", "proto-err", "create", "configmap", "twice", "--from-literal=a=b");
        Assert.True(first.ExitCode == 0, first.Stderr);

        var again = await KubectlAsync("-n", "proto-err", "create", "configmap", "twice", "--from-literal=a=b");
        var dryRun = await KubectlAsync("-n", "proto-err", "create", "configmap", "dry", "--from-literal=a=b", "--dry-run=server", "-o", "json");
        var missingNs = await KubectlAsync("-n", "no-such-ns", "create", "configmap", "x", "--from-literal=a=b");

        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("configmaps \"twice\" already exists", again.Stderr, StringComparison.Ordinal);
        Assert.True(dryRun.ExitCode == 0, dryRun.Stderr);
        Assert.Equal("b", (string?)JsonNode.Parse(dryRun.Stdout)!["data"]!["a"]);
        var notStored = await KubectlAsync("-n", "proto-err", "get", "configmap", "dry");
        Assert.Contains("NotFound", notStored.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, missingNs.ExitCode);
        Assert.Contains("namespaces \"no-such-ns\" not found", missingNs.Stderr, StringComparison.Ordinal);
    }

    private static string Decode(JsonNode? base64) => Encoding.UTF8.GetString(Convert.FromBase64String((string)base64!));

    private async Task<JsonObject> GetJsonAsync(params string[] args)
    {
        var get = await KubectlAsync([.. args, "-o", "json"]);
        Assert.True(get.ExitCode == 0, get.Stderr);
        return (JsonObject)JsonNode.Parse(get.Stdout)!;
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> KubectlAsync(params string[] args) =>
        ProcessRunner.RunAsync("kubectl", args, fixture, Timeout).WaitAsync(Timeout + TimeSpan.FromSeconds(10));
}
