using System.Diagnostics;

namespace GardenerMetal.Testing;

/// <summary>
/// Runs <c>ignition-validate-v2</c>: flatcar/ignition v0.36.2's own validator (the <c>config/v2_4</c> parser a metal-stack image
/// runs on its user data; exit 0 = a metal machine accepts the config). The binary is found as <c>shared/tools/ignition-validate-v2</c>
/// in the first folder above the repository root that has it (<c>../shared/tools</c> in a checkout, further up in a nested worktree).
/// If it is not executable (e.g. copied without its mode), it is copied once to a temporary file and made executable there.
/// Link this file into the test projects that need it.
/// </summary>
internal static class IgnitionValidateV2
{
    /// <summary>The tool's file name below <c>shared/tools</c>.</summary>
    public const string ToolName = "ignition-validate-v2";

    private static readonly Lazy<string> Executable = new(Locate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The path of an executable copy of the tool.</summary>
    /// <exception cref="InvalidOperationException">No <c>shared/tools/ignition-validate-v2</c> above the repository root.</exception>
    public static string ToolPath => Executable.Value;

    /// <summary>Validates one file: exit code and the validator's output (stdout and stderr).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(ToolPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(file);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {ToolPath}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        return (process.ExitCode, (await stdout.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken)) + (await stderr.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken)));
    }

    /// <summary>Validates the Ignition JSON <paramref name="config"/> (written to a temporary file).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(byte[] config, CancellationToken cancellationToken = default)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ign-v2-{Guid.NewGuid():N}.ign");
        await File.WriteAllBytesAsync(file, config, cancellationToken).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        try
        {
            return await RunAsync(file, cancellationToken).WaitAsync(TimeSpan.FromSeconds(40), cancellationToken);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Validates every file; returns the failures ("file\noutput"), empty when the validator accepts them all.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAllAsync(IEnumerable<string> files, CancellationToken cancellationToken = default)
    {
        var failures = new List<string>();
        foreach (var file in files)
        {
            var (code, output) = await RunAsync(file, cancellationToken).WaitAsync(TimeSpan.FromSeconds(40), cancellationToken);
            if (code != 0)
            {
                failures.Add($"{file}\n{output.Trim()}");
            }
        }

        return failures;
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(RepoLayout.Root).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "tools", ToolName);
            if (File.Exists(candidate))
            {
                return IsExecutable(candidate) ? candidate : ExecutableCopy(candidate);
            }
        }

        throw new InvalidOperationException($"no shared/tools/{ToolName} above {RepoLayout.Root} (flatcar/ignition v0.36.2's validator; see ../shared/reference/SOURCES.md)");
    }

    private static bool IsExecutable(string path)
    {
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & anyExecute) == anyExecute;
    }

    private static string ExecutableCopy(string path)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"{ToolName}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        File.Copy(path, copy);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return copy;
    }
}
