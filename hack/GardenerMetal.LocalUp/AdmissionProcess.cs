using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace GardenerMetal.LocalUp;

/// <summary>
/// The admission webhook as its real binary (<c>gardener-extension-admission-metal</c>) in a child process on
/// 127.0.0.1 with a dynamic port, its output in a log file. Stopped with SIGTERM (then killed after a grace period);
/// a child left behind by a killed runner is found through its pid file and ended at the next start.
/// </summary>
internal sealed partial class AdmissionProcess : IAsyncDisposable
{
    private const string BinaryName = "gardener-extension-admission-metal";
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly string _pidFile;

    private AdmissionProcess(Process process, StreamWriter log, string pidFile, Uri address, string binary, Task exited)
    {
        _process = process;
        _log = log;
        _pidFile = pidFile;
        Address = address;
        Binary = binary;
        Exited = exited;
    }

    public Uri Address { get; }

    public string Binary { get; }

    public int ProcessId => _process.Id;

    /// <summary>Completes when the process ends.</summary>
    public Task Exited { get; }

    public static async Task<AdmissionProcess> StartAsync(LocalCertificates certificates, string kubeconfig, string logFile, CancellationToken ct)
    {
        var dll = FindBinary() ?? throw new LocalUpException("the admission webhook is not built; run: dotnet build admission/GardenerMetal.Admission");
        var state = Path.GetDirectoryName(logFile)!;
        Directory.CreateDirectory(state);
        var pidFile = Path.Combine(Path.GetDirectoryName(state)!, "admission.pid");
        EndStale(pidFile);

        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--tls-cert-file", certificates.CertFile, "--tls-key-file", certificates.KeyFile, "--bind-address", "127.0.0.1", "--port", "0", "--kubeconfig", kubeconfig })
        {
            start.ArgumentList.Add(arg);
        }

        var log = new StreamWriter(logFile, append: false) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new LocalUpException($"could not start {dll}");
        await File.WriteAllTextAsync(pidFile, process.Id.ToString(CultureInfo.InvariantCulture), ct).ConfigureAwait(false);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new Lock();
        void Write(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                log.WriteLine(line);
            }

            if (Listening().Match(line) is { Success: true } m)
            {
                listening.TrySetResult(new Uri(m.Groups[1].Value));
            }
        }

        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync(CancellationToken.None);
        var admission = new AdmissionProcess(process, log, pidFile, new Uri("https://127.0.0.1/"), dll, exited);
        try
        {
            var first = await Task.WhenAny(listening.Task, exited).WaitAsync(TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
            if (first != listening.Task)
            {
                throw new LocalUpException($"the admission webhook ({dll}) exited with code {process.ExitCode} during start-up; see {logFile}");
            }
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or LocalUpException)
        {
            await admission.DisposeAsync().ConfigureAwait(false);
            if (ex is TimeoutException)
            {
                throw new LocalUpException($"the admission webhook did not report its address within 30 s; see {logFile}", ex);
            }

            throw;
        }

        return new AdmissionProcess(process, log, pidFile, await listening.Task.ConfigureAwait(false), dll, exited);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await TerminateAsync(_process.Id).ConfigureAwait(false);
            try
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }

        _process.Dispose();
        await _log.DisposeAsync().ConfigureAwait(false);
        File.Delete(_pidFile);
    }

    /// <summary>Ends a webhook process a killed runner left behind (only if the pid still is our binary).</summary>
    private static void EndStale(string pidFile)
    {
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return;
        }

        var cmdline = $"/proc/{pid}/cmdline";
        if (File.Exists(cmdline) && File.ReadAllText(cmdline).Contains(BinaryName, StringComparison.Ordinal))
        {
            try
            {
                using var stale = Process.GetProcessById(pid);
                stale.Kill(entireProcessTree: true);
                stale.WaitForExit(5000);
            }
            catch (ArgumentException)
            {
                // gone meanwhile
            }
        }

        File.Delete(pidFile);
    }

    /// <summary>The built webhook: admission/GardenerMetal.Admission/bin/&lt;our configuration&gt;/net10.0/, else the newest build.</summary>
    internal static string? FindBinary()
    {
        var bin = Path.Combine(RepoPaths.Root, "admission", "GardenerMetal.Admission", "bin");
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name;
        var preferred = Path.Combine(bin, configuration ?? "Release", "net10.0", BinaryName + ".dll");
        if (File.Exists(preferred))
        {
            return preferred;
        }

        var any = Directory.Exists(bin)
            ? Directory.GetFiles(bin, BinaryName + ".dll", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            : null;
        return any;
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";

    /// <summary>Sends SIGTERM (graceful host shutdown) through kill(1).</summary>
    private static async Task TerminateAsync(int pid)
    {
        var kill = new ProcessStartInfo("kill") { UseShellExecute = false };
        kill.ArgumentList.Add("-TERM");
        kill.ArgumentList.Add(pid.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(kill);
        if (process is not null)
        {
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    [GeneratedRegex(@"listening on (https://[^\s/]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Listening();
}
