using System.Text.Json.Nodes;

namespace GardenerMetal.Charts.Tests;

/// <summary>helm install, upgrade (a changed value), rollback and uninstall of every chart against the Kubernetes API emulator.</summary>
public sealed class HelmLifecycleTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Kinds = "deployments,services,serviceaccounts,configmaps,secrets,roles,rolebindings,clusterroles,clusterrolebindings,poddisruptionbudgets,verticalpodautoscalers";

    /// <summary>Per chart: a value to change on upgrade, the object and JSONPath that show it, before and after.</summary>
    public static TheoryData<string, string, string, string, string, string, string> Cases => new()
    {
        { "gardener-extension-provider-metal", "gardener-values.yaml", "controllers.worker.concurrentSyncs=7", "deployment/gardener-extension-provider-metal-worker", "{.spec.template.spec.containers[0].args[1]}", "--max-concurrent-reconciles=5", "--max-concurrent-reconciles=7" },
        { "gardener-extension-os-metal", "gardener-values.yaml", "replicaCount=2", "deployment/gardener-extension-os-metal", "{.spec.replicas}", "1", "2" },
        { "gardener-extension-admission-metal/charts/runtime", "runtime-values.yaml", "webhookConfig.serverPort=10443", "deployment/gardener-extension-admission-metal", "{.spec.template.spec.containers[0].ports[0].containerPort}", "9443", "10443" },
        { "gardener-extension-admission-metal/charts/application", "application-values.yaml", "gardener.virtualCluster.serviceAccount.name=other", "clusterrolebinding/gardener-extension-admission-metal", "{.subjects[0].name}", "extension-admission-metal", "other" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Helm_InstallUpgradeRollbackUninstall_LeavesExactlyTheExpectedObjects(
        string chart, string values, string change, string probe, string jsonPath, string before, string after)
    {
        var release = "r" + Math.Abs(StringComparer.Ordinal.GetHashCode(chart) % 100000);
        var ns = "ns-" + release;
        var path = Tools.ChartPath(chart);

        var install = await HelmAsync("install", release, path, "-n", ns, "--create-namespace", "-f", Tools.TestData(values));
        Assert.True(install.ExitCode == 0, install.Stderr);
        Assert.Equal(await ManifestNamesAsync(release, ns), await LiveNamesAsync(release));
        Assert.Equal(before, await ProbeAsync(ns, probe, jsonPath));

        var upgrade = await HelmAsync("upgrade", release, path, "-n", ns, "-f", Tools.TestData(values), "--set", change);
        Assert.True(upgrade.ExitCode == 0, upgrade.Stderr);
        Assert.Equal(after, await ProbeAsync(ns, probe, jsonPath));
        Assert.Equal(await ManifestNamesAsync(release, ns), await LiveNamesAsync(release));

        var rollback = await HelmAsync("rollback", release, "1", "-n", ns);
        Assert.True(rollback.ExitCode == 0, rollback.Stderr);
        Assert.Equal(before, await ProbeAsync(ns, probe, jsonPath));

        var uninstall = await HelmAsync("uninstall", release, "-n", ns);
        Assert.True(uninstall.ExitCode == 0, uninstall.Stderr);
        Assert.Empty(await LiveNamesAsync(release));
        var releases = await KubectlAsync("get", "secrets", "-n", ns, "-l", "owner=helm,name=" + release, "-o", "name");
        Assert.Equal(string.Empty, releases.Trim());
    }

    private async Task<List<string>> ManifestNamesAsync(string release, string ns)
    {
        var manifest = await HelmAsync("get", "manifest", release, "-n", ns);
        Assert.True(manifest.ExitCode == 0, manifest.Stderr);
        return [.. Manifest.Parse(manifest.Stdout).Select(Manifest.KubectlName).Order(StringComparer.Ordinal)];
    }

    /// <summary>Every object of the served kinds labelled with the release, in kubectl's kind.group/name form.</summary>
    private async Task<List<string>> LiveNamesAsync(string release)
    {
        var output = await KubectlAsync("get", Kinds, "-A", "-l", "app.kubernetes.io/instance=" + release, "-o", "name");
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];
    }

    private async Task<string> ProbeAsync(string ns, string obj, string jsonPath) =>
        (await KubectlAsync("get", obj, "-n", ns, "-o", "jsonpath=" + jsonPath)).Trim();

    private async Task<string> KubectlAsync(params string[] args)
    {
        var (code, stdout, stderr) = await Tools.KubectlAsync(fixture.Home, fixture.Kubeconfig, null, args);
        Assert.True(code == 0, $"kubectl {string.Join(' ', args)}: {stderr}");
        return stdout;
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> HelmAsync(params string[] args) =>
        Tools.HelmAsync(fixture.Home, fixture.Kubeconfig, args);
}
