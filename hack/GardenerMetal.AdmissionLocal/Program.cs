using System.Globalization;
using System.Runtime.InteropServices;
using GardenerMetal.AdmissionLocal;
using GardenerMetal.Kubernetes.Configuration;

// `make admission`: the admission webhook on loopback with the Kubernetes API emulator as its garden
// API (sample CloudProfile, Shoot CRD, webhook configurations), until Ctrl-C.
//   GardenerMetal.AdmissionLocal [--dir .local] [--port N] [--emulator-port N]
var options = new LocalGardenOptions();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--dir" when i + 1 < args.Length:
            options = options with { OutputDirectory = args[++i] };
            break;
        case "--port" or "--emulator-port" when i + 1 < args.Length:
            var name = args[i];
            if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            {
                await Console.Error.WriteLineAsync($"{name}: \"{args[i]}\" is not a port number (0-65535)");
                return 2;
            }

            options = name == "--port" ? options with { WebhookPort = port } : options with { EmulatorPort = port };
            break;
        default:
            await Console.Error.WriteLineAsync($"unknown argument \"{args[i]}\"; usage: [--dir .local] [--port N] [--emulator-port N]");
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

LocalGarden garden;
try
{
    garden = await LocalGarden.StartAsync(options, stop.Token);
}
catch (Exception ex) when (ex is IOException or InvalidOperationException or ArgumentException or KubernetesConfigurationException or UnauthorizedAccessException)
{
    await Console.Error.WriteLineAsync("make admission: " + ex.Message);
    return 1;
}

await using (garden)
{
    var cwd = Directory.GetCurrentDirectory();
    string Show(string path) => Path.GetRelativePath(cwd, path) is var relative && !relative.StartsWith("..", StringComparison.Ordinal) ? relative : path;
    var samples = Path.Combine(AppContext.BaseDirectory, "samples");
    var repoSamples = Path.Combine(cwd, "hack", "GardenerMetal.AdmissionLocal", "samples");
    if (Directory.Exists(repoSamples))
    {
        samples = repoSamples;
    }

    Console.WriteLine($"""
        gardener-extension-admission-metal is serving at {garden.WebhookAddress.GetLeftPart(UriPartial.Authority)}
          /webhooks/validate, /webhooks/validate/secrets, /webhooks/mutate (AdmissionReview v1, HTTPS only)
        garden API (Kubernetes API emulator) at {garden.GardenAddress}, with CloudProfile "{LocalGarden.CloudProfileName}",
          a Shoot CRD and the Validating/MutatingWebhookConfiguration "gardener-extension-admission-metal".
        wrote {Show(garden.EnvFile)} (ADMISSION_URL, ADMISSION_CA_FILE, CLOUDPROFILE, KUBECONFIG)

        Try it in another shell:
          set -a; . {Show(garden.EnvFile)}; set +a
          kubectl apply -f {Show(Path.Combine(samples, "shoot-invalid.yaml"))}   # denied, every field error listed
          kubectl apply -f {Show(Path.Combine(samples, "shoot-valid.yaml"))}     # admitted with defaults
          kubectl get shoot -n garden-dev crazy-botany -o yaml
          kubectl get cloudprofile $CLOUDPROFILE -o yaml
          curl --cacert $ADMISSION_CA_FILE $ADMISSION_URL/healthz
        (Shoots need the label provider.extensions.gardener.cloud/metal=true to be sent to the webhook, as in a real garden.)

        Press Ctrl-C to stop.
        """);
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
        Console.WriteLine("stopping");
    }
}

return 0;
