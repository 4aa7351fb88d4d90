using System.Diagnostics;

namespace GardenerMetal.OsConfig.Tests;

/// <summary>
/// Runs the real validators (Debian packages `ignition` and `cloud-init`) over many files in ONE shell invocation.
/// Returns the failures (file name plus the validator's output); an empty list means every file is valid.
/// </summary>
internal static class ExternalValidators
{
    public static Task<IReadOnlyList<string>> IgnitionValidateAsync(IReadOnlyList<string> files) =>
        RunLoopAsync("ignition-validate", "ignition-validate \"$f\"", files);

    public static Task<IReadOnlyList<string>> CloudInitSchemaAsync(IReadOnlyList<string> files) =>
        RunLoopAsync("cloud-init", "cloud-init schema --config-file \"$f\"", files);

    private static async Task<IReadOnlyList<string>> RunLoopAsync(string tool, string check, IReadOnlyList<string> files)
    {
        var script = $$"""
            command -v {{tool}} >/dev/null || { echo "MISSING {{tool}} is not installed (Debian package; .ci/run installs it)"; exit 3; }
            for f in "$@"; do
              if ! out=$({{check}} 2>&1); then printf 'FAIL %s\n%s\n' "$f" "$out"; fi
            done
            """;
        var psi = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add("validate");
        foreach (var f in files)
        {
            psi.ArgumentList.Add(f);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start /bin/bash");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        var output = await stdout.WaitAsync(TimeSpan.FromSeconds(5));
        var errors = await stderr.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(process.ExitCode == 0, $"{tool} run failed (exit {process.ExitCode}): {output}{errors}");
        return output.Split("FAIL ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
