using System.Diagnostics;

namespace GardenerMetal.KubeEmulator.Tests;

/// <summary>Runs a real peer (kubectl, /usr/bin/python3) with its own KUBECONFIG and HOME, bounded in time.</summary>
internal static class ProcessRunner
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        string fileName, IEnumerable<string> args, EmulatorFixture fixture, TimeSpan timeout, string? stdin = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["KUBECONFIG"] = fixture.Kubeconfig;
        psi.Environment["HOME"] = fixture.Home;
        psi.Environment.Remove("KUBERNETES_SERVICE_HOST");
        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {fileName}");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"{fileName} is required for this test (installed by .ci/run) but could not be started: {ex.Message}", ex);
        }

        using (process)
        {
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin).WaitAsync(timeout);
                process.StandardInput.Close();
            }

            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            try
            {
                await process.WaitForExitAsync().WaitAsync(timeout);
            }
            catch (TimeoutException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }

            return (process.ExitCode, await stdout.WaitAsync(timeout), await stderr.WaitAsync(timeout));
        }
    }
}
