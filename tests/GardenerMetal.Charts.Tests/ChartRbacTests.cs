using GardenerMetal.Testing;

namespace GardenerMetal.Charts.Tests;

/// <summary>
/// The installed charts' RBAC enforced by the emulator: the extension's ServiceAccount token (what its pod gets)
/// may do what the controllers call and nothing the chart does not grant.
/// </summary>
public sealed class ChartRbacTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Ns = "garden-rbac";

    [Fact]
    public async Task ProviderMetal_ServiceAccount_HasTheControllersRightsAndNoMore()
    {
        await ApplyCrdsAsync();
        var install = await Tools.HelmAsync(fixture.Home, fixture.Kubeconfig, "install", "pm", Tools.ChartPath("gardener-extension-provider-metal"), "-n", Ns, "--create-namespace");
        Assert.True(install.ExitCode == 0, install.Stderr);
        var token = (await KubectlAsync(null, "create", "token", "gardener-extension-provider-metal", "-n", Ns)).Stdout.Trim();

        // What the controllers do: watch their kinds and Clusters everywhere, write MCM objects and Secrets, hold their Leases.
        Assert.Equal(0, (await AsExtensionAsync(token, "get", "infrastructures,workers,clusters", "-A")).ExitCode);
        Assert.Equal(0, (await AsExtensionAsync(token, "get", "machinedeployments,machineclasses,secrets", "-A")).ExitCode);
        var lease = await AsExtensionAsync(token, "create", "-n", Ns, "-f", "-", Lease("provider-metal-worker"));
        Assert.True(lease.ExitCode == 0, lease.Stderr);
        Assert.Equal(0, (await AsExtensionAsync(token, "get", "lease", "provider-metal-worker", "-n", Ns)).ExitCode);

        // Not granted: another Lease, Leases elsewhere, Deployments.
        await KubectlAsync(Lease("someone-else"), "create", "-n", Ns, "-f", "-");
        var foreign = await AsExtensionAsync(token, "get", "lease", "someone-else", "-n", Ns);
        var deployments = await AsExtensionAsync(token, "get", "deployments", "-n", Ns);
        Assert.NotEqual(0, foreign.ExitCode);
        Assert.Contains("cannot get resource \"leases\" in API group \"coordination.k8s.io\"", foreign.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, deployments.ExitCode);
        Assert.Contains("Forbidden", deployments.Stderr, StringComparison.Ordinal);
    }

    private async Task ApplyCrdsAsync()
    {
        foreach (var dir in new[] { "gardener-crds", "mcm-crds" })
        {
            foreach (var file in Directory.EnumerateFiles(RepoLayout.ReferencePath(dir), "*.yaml"))
            {
                await fixture.Server.ApplyFileAsync(file).WaitAsync(Tools.Timeout);
            }
        }
    }

    private static string Lease(string name) =>
        $"apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata:\n  name: {name}\nspec:\n  holderIdentity: test\n";

    private Task<(int ExitCode, string Stdout, string Stderr)> AsExtensionAsync(string token, params string[] args) =>
        Tools.KubectlAsync(fixture.Home, fixture.Kubeconfig, args.Length > 0 && args[^1].StartsWith("apiVersion", StringComparison.Ordinal) ? args[^1] : null, ["--token=" + token, .. args.Where(a => !a.StartsWith("apiVersion", StringComparison.Ordinal))]);

    private async Task<(int ExitCode, string Stdout, string Stderr)> KubectlAsync(string? stdin, params string[] args)
    {
        var result = await Tools.KubectlAsync(fixture.Home, fixture.Kubeconfig, stdin, args);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', args)}: {result.Stderr}");
        return result;
    }
}
