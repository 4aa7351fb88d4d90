using System.Diagnostics;
using GardenerMetal.Testing;

namespace GardenerMetal.OsConfig.Tests;

/// <summary>
/// Runs the real validators over many files. Returns the failures (file name plus the validator's output); an empty list means every file is valid.
/// <list type="bullet">
/// <item>Ignition spec 2.x: <c>../shared/tools/ignition-validate-v2</c> (flatcar/ignition v0.36.2, what a metal-stack image runs), see <see cref="IgnitionValidateV2"/>;</item>
/// <item>Ignition spec 3.x (only the explicit 3.3.0 choice): Debian's <c>ignition-validate</c>; cloud-init: <c>cloud-init schema</c> —
/// Debian packages, run in ONE shell invocation.</item>
/// </list>
/// </summary>
internal static class ExternalValidators
{
    public static Task<IReadOnlyList<string>> IgnitionValidateV2Async(IReadOnlyList<string> files) =>
        IgnitionValidateV2.ValidateAllAsync(files);

    public static Task<IReadOnlyList<string>> IgnitionValidateV3Async(IReadOnlyList<string> files) =>
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
