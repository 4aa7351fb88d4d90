using GardenerMetal.Testing;

namespace GardenerMetal.KubeEmulator.Tests;

/// <summary>Real Helm 3.17 against the emulator: a chart of Deployment, RBAC, PDB, VPA and ServiceMonitor through its whole life.</summary>
public sealed class HelmTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private static string Chart => Path.Combine(AppContext.BaseDirectory, "testdata", "helm-smoke");

    [Fact]
    public async Task Helm_InstallUpgradeRollbackUninstall_LeavesExactlyTheExpectedObjects()
    {
        var install = await HelmAsync("install", "smoke", Chart, "-n", "default", "--wait=false");
        Assert.True(install.ExitCode == 0, install.Stderr);
        Assert.Equal("1 [\"--x=a\"]", await DeploymentAsync());

        var upgrade = await HelmAsync("upgrade", "smoke", Chart, "-n", "default", "--set", "arg=b", "--set", "replicas=2");
        Assert.True(upgrade.ExitCode == 0, upgrade.Stderr);
        Assert.Equal("2 [\"--x=b\"]", await DeploymentAsync());

        var rollback = await HelmAsync("rollback", "smoke", "1", "-n", "default");
        Assert.True(rollback.ExitCode == 0, rollback.Stderr);
        Assert.Equal("1 [\"--x=a\"]", await DeploymentAsync());

        var uninstall = await HelmAsync("uninstall", "smoke", "-n", "default");
        Assert.True(uninstall.ExitCode == 0, uninstall.Stderr);
        var left = await KubectlAsync("get", "deployments,serviceaccounts,clusterroles,clusterrolebindings,pdb,vpa,servicemonitors,secrets", "-A", "-o", "name");
        Assert.True(left.ExitCode == 0, left.Stderr);
        Assert.DoesNotContain("smoke", left.Stdout, StringComparison.Ordinal);
    }

    private async Task<string> DeploymentAsync()
    {
        var get = await KubectlAsync("-n", "default", "get", "deployment", "smoke", "-o", "jsonpath={.spec.replicas} {.spec.template.spec.containers[0].args}");
        Assert.True(get.ExitCode == 0, get.Stderr);
        return get.Stdout.Trim();
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> HelmAsync(params string[] args) =>
        ProcessRunner.RunAsync(HelmTool.Path, args, fixture, Timeout);

    private Task<(int ExitCode, string Stdout, string Stderr)> KubectlAsync(params string[] args) =>
        ProcessRunner.RunAsync("kubectl", args, fixture, Timeout);
}
