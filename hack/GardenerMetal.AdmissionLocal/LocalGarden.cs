using System.Globalization;
using GardenerMetal.Admission.Hosting;
using GardenerMetal.Admission.Sources;
using GardenerMetal.KubeEmulator;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.Provider.Defaulting;
using Microsoft.AspNetCore.Builder;

namespace GardenerMetal.AdmissionLocal;

/// <summary>
/// The webhook on 127.0.0.1 with the Kubernetes API emulator as its garden API: the emulator serves
/// the Gardener CRDs and the sample CloudProfile, and calls the webhook through a
/// Validating- and MutatingWebhookConfiguration (clientConfig.url + caBundle).
/// </summary>
internal sealed class LocalGarden : IAsyncDisposable
{
    /// <summary>Name of the sample CloudProfile in manifests/cloudprofile.yaml.</summary>
    public const string CloudProfileName = "metal";

    private readonly KubeEmulatorServer _emulator;
    private readonly KubernetesClient _client;
    private readonly WebApplication _webhook;

    private LocalGarden(KubeEmulatorServer emulator, KubernetesClient client, WebApplication webhook, Uri webhookAddress, string caFile, string kubeconfig, string envFile)
    {
        _emulator = emulator;
        _client = client;
        _webhook = webhook;
        WebhookAddress = webhookAddress;
        CaFile = caFile;
        KubeconfigFile = kubeconfig;
        EnvFile = envFile;
    }

    /// <summary>https://127.0.0.1:port of the webhook.</summary>
    public Uri WebhookAddress { get; }

    /// <summary>https://127.0.0.1:port/ of the garden API (the emulator).</summary>
    public Uri GardenAddress => _emulator.BaseAddress;

    /// <summary>PEM of the CA that signed the webhook's serving certificate.</summary>
    public string CaFile { get; }

    /// <summary>Kubeconfig for the garden API.</summary>
    public string KubeconfigFile { get; }

    /// <summary>The env file with ADMISSION_URL, ADMISSION_CA_FILE, CLOUDPROFILE and KUBECONFIG.</summary>
    public string EnvFile { get; }

    public static async Task<LocalGarden> StartAsync(LocalGardenOptions options, CancellationToken ct)
    {
        var output = Path.GetFullPath(options.OutputDirectory);
        var state = Path.Combine(output, "admission");
        var certificates = LocalCertificates.Create(state);
        var defaults = DefaultingOptions.FromEnvironment(Environment.GetEnvironmentVariable);

        var emulator = await KubeEmulatorServer.StartAsync(new KubeEmulatorOptions { Port = options.EmulatorPort }, ct);
        KubernetesClient? client = null;
        WebApplication? webhook = null;
        try
        {
            var kubeconfig = emulator.WriteKubeconfig(Path.Combine(state, "kubeconfig"));
            client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfigFile(kubeconfig));
            var garden = new GardenSource(client);
            webhook = AdmissionHost.Build(
                new AdmissionOptions { BindAddress = "127.0.0.1", Port = options.WebhookPort, CertFile = certificates.CertFile, KeyFile = certificates.KeyFile, Defaults = defaults },
                garden,
                garden);
            await webhook.StartAsync(ct);
            var address = AdmissionHost.BaseAddress(webhook);

            // CRDs first, then the webhooks, then the CloudProfile (which the webhook validates on the way in).
            await emulator.ApplyFileAsync(Path.Combine(options.ManifestDirectory, "crds.yaml"), ct);
            await emulator.ApplyYamlAsync(WebhookConfigurations.Yaml(address, await File.ReadAllTextAsync(certificates.CaFile, ct)), ct);
            await emulator.ApplyFileAsync(Path.Combine(options.ManifestDirectory, "cloudprofile.yaml"), ct);

            var envFile = Path.Combine(output, "admission.env");
            WriteAtomically(envFile, string.Create(CultureInfo.InvariantCulture, $"""
                ADMISSION_URL={address.GetLeftPart(UriPartial.Authority)}
                ADMISSION_CA_FILE={certificates.CaFile}
                CLOUDPROFILE={CloudProfileName}
                KUBECONFIG={kubeconfig}

                """));
            return new LocalGarden(emulator, client, webhook, address, certificates.CaFile, kubeconfig, envFile);
        }
        catch
        {
            if (webhook is not null)
            {
                await webhook.DisposeAsync();
            }

            client?.Dispose();
            await emulator.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _webhook.StopAsync(timeout.Token);
        }

        await _webhook.DisposeAsync();
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    private static void WriteAtomically(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}
