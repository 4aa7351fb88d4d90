using System.Diagnostics;
using GardenerMetal.Testing;

namespace GardenerMetal.Charts.Tests;

/// <summary>Runs the real helm and kubectl with a private HOME (and KUBECONFIG when given), bounded in time.</summary>
internal static class Tools
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static string ChartPath(string chart) => Path.Combine(RepoLayout.Root, "charts", chart);

    public static string TestData(string file) => Path.Combine(AppContext.BaseDirectory, "testdata", file);

    public static Task<(int ExitCode, string Stdout, string Stderr)> HelmAsync(string home, string? kubeconfig, params string[] args) =>
        RunAsync(HelmTool.Path, args, home, kubeconfig, null);

    public static Task<(int ExitCode, string Stdout, string Stderr)> KubectlAsync(string home, string kubeconfig, string? stdin, params string[] args) =>
        RunAsync("kubectl", args, home, kubeconfig, stdin);

    /// <summary>helm template of a chart; fails the test when helm does.</summary>
    public static async Task<string> TemplateAsync(string home, string chart, params string[] extra)
    {
        var (code, stdout, stderr) = await HelmAsync(home, null, ["template", "rel", ChartPath(chart), "--namespace", "garden-ext", .. extra]);
        Assert.True(code == 0, stderr);
        return stdout;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string file, IEnumerable<string> args, string home, string? kubeconfig, string? stdin)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["HOME"] = home;
        psi.Environment["HELM_CACHE_HOME"] = Path.Combine(home, "cache");
        psi.Environment["HELM_CONFIG_HOME"] = Path.Combine(home, "config");
        psi.Environment["HELM_DATA_HOME"] = Path.Combine(home, "data");
        psi.Environment.Remove("KUBERNETES_SERVICE_HOST");
        if (kubeconfig is not null)
        {
            psi.Environment["KUBECONFIG"] = kubeconfig;
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin).WaitAsync(Timeout);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout.WaitAsync(Timeout), await stderr.WaitAsync(Timeout));
    }
}
