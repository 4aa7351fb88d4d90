using System.Globalization;
using System.Runtime.InteropServices;
using GardenerMetal.KubeEmulator;

// `make seed`: serve the Kubernetes API emulator on 127.0.0.1 until Ctrl-C.
var port = 6443;
var kubeconfig = Path.Combine(".local", "seed", "kubeconfig");
var files = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--port" when i + 1 < args.Length:
            if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
            {
                await Console.Error.WriteLineAsync($"--port: \"{args[i]}\" is not a port number");
                return 2;
            }

            break;
        case "--kubeconfig" when i + 1 < args.Length:
            kubeconfig = args[++i];
            break;
        case "--apply" when i + 1 < args.Length:
            files.Add(args[++i]);
            break;
        default:
            await Console.Error.WriteLineAsync($"unknown argument \"{args[i]}\"; usage: [--port N] [--kubeconfig PATH] [--apply FILE]...");
            return 2;
    }
}

using var stop = new CancellationTokenSource();
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

await using var server = await KubeEmulatorServer.StartAsync(new KubeEmulatorOptions { Port = port, LogLevel = Microsoft.Extensions.Logging.LogLevel.Information });
foreach (var file in files)
{
    await server.ApplyFileAsync(file);
}

var path = server.WriteKubeconfig(kubeconfig);
if (!OperatingSystem.IsWindows())
{
    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite); // it carries the admin token
}

Console.WriteLine($"Kubernetes API emulator serving at {server.BaseAddress}");
Console.WriteLine($"kubeconfig written to {path}; try: KUBECONFIG={path} kubectl get namespaces");
Console.WriteLine("Press Ctrl-C to stop.");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    Console.WriteLine("stopping");
}

return 0;
