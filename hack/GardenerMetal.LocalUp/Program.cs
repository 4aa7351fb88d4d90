using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using GardenerMetal.LocalUp;

// `make up`: the suite on the local seed, one shoot up end to end, serving until Ctrl-C.
//   GardenerMetal.LocalUp [--dir .local] [--kube-port 6443] [--metal-port 18080] [--step-ms 200] [--no-admission] [--timeout-seconds 300]
var options = new LocalSeedOptions();
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    int Number(string flag, int max)
    {
        var text = Value();
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= max
            ? n
            : throw new ArgumentException($"{flag}: \"{text}\" is not a number between 0 and {max}");
    }

    try
    {
        options = args[i] switch
        {
            "--dir" => options with { StateDirectory = Value() },
            "--kube-port" => options with { KubePort = Number("--kube-port", 65535) },
            "--metal-port" => options with { MetalApiPort = Number("--metal-port", 65535) },
            "--step-ms" => options with { ProvisioningStep = TimeSpan.FromMilliseconds(Number("--step-ms", 60_000)) },
            "--no-admission" => options with { Admission = false },
            "--timeout-seconds" => options with { Timeout = TimeSpan.FromSeconds(Number("--timeout-seconds", 86_400)) },
            _ => throw new ArgumentException($"unknown argument \"{args[i]}\"; usage: [--dir .local] [--kube-port 6443] [--metal-port 18080] [--step-ms 200] [--no-admission] [--timeout-seconds 300]"),
        };
    }
    catch (ArgumentException ex)
    {
        await Console.Error.WriteLineAsync(ex.Message);
        return 2;
    }
}

// The components log (JSON, via their own hosts) to the console; send that to .local/logs/local-up.log and keep
// the terminal for the progress view. Before touching anything: the state directory's lock and the ports.
var ui = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
var errors = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true };
FileStream instanceLock;
try
{
    instanceLock = LocalUpFiles.AcquireLock(Path.GetFullPath(options.StateDirectory));
    LocalUpFiles.RequireFreePort(options.KubePort, "Kubernetes API emulator", "KUBE_PORT");
    LocalUpFiles.RequireFreePort(options.MetalApiPort, "metal-api simulator", "METAL_API_PORT");
}
catch (LocalUpException ex)
{
    await errors.WriteLineAsync("make up: " + ex.Message);
    return 1;
}

using var heldLock = instanceLock;
var logDir = Path.Combine(Path.GetFullPath(options.StateDirectory), "logs");
Directory.CreateDirectory(logDir);
var logPath = Path.Combine(logDir, "local-up.log");
LocalUpFiles.RotateLog(logPath); // a restart after a crash keeps the previous run's log as local-up.log.1
var log = TextWriter.Synchronized(new StreamWriter(logPath, append: false) { AutoFlush = true });
Console.SetOut(log);
Console.SetError(log);

using var stop = new CancellationTokenSource();
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    if (!stop.IsCancellationRequested)
    {
        ui.WriteLine();
        ui.WriteLine("stopping everything …");
        stop.Cancel();
    }
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

var clock = Stopwatch.StartNew();
ui.WriteLine($"make up: GardenerMetal on the local seed (component logs: {Path.GetRelativePath(Directory.GetCurrentDirectory(), logPath)})");
LocalSeed? seed = null;
try
{
    seed = await LocalSeed.StartAsync(options, ui, stop.Token);
    ui.WriteLine(string.Create(CultureInfo.InvariantCulture, $"started in {clock.Elapsed.TotalSeconds:0.0} s; applying the example shoot ({LocalSeed.ShootNamespace}) …"));
    await seed.ApplyShootAsync(stop.Token);

    var workerApplied = false;
    string? last = null;
    using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
    deadline.CancelAfter(options.Timeout);
    ShootProgress progress;
    while (true)
    {
        workerApplied = workerApplied || await seed.TryApplyWorkerAsync(deadline.Token);
        progress = await ShootProgress.ReadAsync(seed.Client, LocalSeed.ShootNamespace, deadline.Token);
        var text = string.Join("\n", progress.Lines);
        if (text != last)
        {
            ui.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed.TotalSeconds,5:0.0}s]"));
            foreach (var line in progress.Lines)
            {
                ui.WriteLine("   " + line);
            }

            last = text;
        }

        if (progress.AllRunning)
        {
            break;
        }

        if (seed.FailedComponent is { } failed)
        {
            throw new LocalUpException($"{failed} stopped unexpectedly; see {logPath}");
        }

        await Task.Delay(250, deadline.Token);
    }

    ui.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

        All {progress.Running} machines Running after {clock.Elapsed.TotalSeconds:0.0} s.
        Look at it (in another shell):
          export KUBECONFIG={Path.GetRelativePath(Directory.GetCurrentDirectory(), seed.KubeconfigPath)}; kubectl get machines -A
          kubectl get infrastructures,operatingsystemconfigs,workers,machinedeployments,machinesets -n {LocalSeed.ShootNamespace}
          set -a; . {Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.Combine(options.StateDirectory, "metal-api.env"))}; set +a   # the simulator's URL and admin HMAC key
        Serving until Ctrl-C.
        """));
    while (seed.FailedComponent is null)
    {
        await Task.Delay(500, stop.Token);
    }

    throw new LocalUpException($"{seed.FailedComponent} stopped unexpectedly; see {logPath}");
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    // Ctrl-C
}
catch (OperationCanceledException)
{
    await errors.WriteLineAsync($"make up: not all machines were Running after {options.Timeout.TotalSeconds:0} s; see {logPath}");
    return 1;
}
catch (LocalUpException ex)
{
    await errors.WriteLineAsync("make up: " + ex.Message);
    return 1;
}
finally
{
    var stopping = Stopwatch.StartNew();
    if (seed is not null)
    {
        await seed.DisposeAsync();
    }

    ui.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stopped in {stopping.Elapsed.TotalSeconds:0.0} s, {clock.Elapsed.TotalSeconds:0.0} s after start-up began."));
}

return 0;
