using System.Globalization;
using GardenerMetal.MetalSim;

// Usage: GardenerMetal.MetalSim.Host [--host 127.0.0.1] [--port 18080] [--inventory FILE] [--env-file .local/metal-sim/metal-api.env] [--step-seconds 1]
var host = "127.0.0.1";
var port = 18080;
string? inventory = null;
var envFile = Path.Combine(".local", "metal-sim", "metal-api.env");
var step = TimeSpan.FromSeconds(1);
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--host": host = Value(); break;
        case "--port":
            var p = Value();
            if (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 0 or > 65535)
            {
                Console.Error.WriteLine($"--port: '{p}' is not a port number");
                return 2;
            }

            break;
        case "--inventory": inventory = Value(); break;
        case "--env-file": envFile = Value(); break;
        case "--step-seconds":
            var s = Value();
            if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0)
            {
                Console.Error.WriteLine($"--step-seconds: '{s}' is not a non-negative number");
                return 2;
            }

            step = TimeSpan.FromSeconds(seconds);
            break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'; usage: [--host 127.0.0.1] [--port 18080] [--inventory FILE] [--env-file FILE] [--step-seconds 1]");
            return 2;
    }
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

MetalApiSimulator sim;
try
{
    sim = await MetalApiSimulator.StartAsync(new MetalSimOptions { Host = host, Port = port, InventoryPath = inventory, ProvisioningStepDuration = step });
}
catch (Exception ex) when (ex is ArgumentException or MetalSimInventoryException or IOException)
{
    Console.Error.WriteLine($"metal-sim: {ex.Message}");
    return 1;
}

await using (sim)
{
    var url = sim.BaseAddress.AbsoluteUri.TrimEnd('/');
    var dir = Path.GetDirectoryName(envFile);
    if (!string.IsNullOrEmpty(dir))
    {
        Directory.CreateDirectory(dir);
    }

    // The admin key is a secret: owner-only (0600), also when the file already existed with a wider mode.
    File.Delete(envFile);
    var secretFile = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
    if (!OperatingSystem.IsWindows())
    {
        secretFile.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    }

    await using (var file = new FileStream(envFile, secretFile))
    await using (var writer = new StreamWriter(file))
    {
        await writer.WriteAsync($"METAL_API_URL={url}\nMETAL_API_HMAC={sim.AdminHmacKey}\nMETAL_API_HMAC_AUTH_TYPE=Metal-Admin\n");
    }

    Console.WriteLine($"metal-api simulator listening on {url} (credentials in {envFile}); Ctrl+C stops it");
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
        // stopping
    }
}

return 0;
