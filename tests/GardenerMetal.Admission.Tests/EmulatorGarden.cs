using System.Text;
using GardenerMetal.Admission.Hosting;
using GardenerMetal.Admission.Sources;
using GardenerMetal.KubeEmulator;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Configuration;
using Microsoft.AspNetCore.Builder;

namespace GardenerMetal.Admission.Tests;

/// <summary>
/// The Kubernetes API emulator as the garden (test Shoot/CloudProfile CRDs, the sample CloudProfile)
/// and the webhook on 127.0.0.1:0 reading the garden through the suite's Kubernetes client; the
/// emulator calls the webhook through a Validating- and MutatingWebhookConfiguration.
/// </summary>
public sealed class EmulatorGarden : IAsyncLifetime
{
    private string? _directory;
    private KubeEmulatorServer? _emulator;
    private KubernetesClient? _client;
    private WebApplication? _webhook;

    public string Directory => _directory ?? throw new InvalidOperationException("not started");

    public string Kubeconfig => Path.Combine(Directory, "kubeconfig");

    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "testdata", "e2e", name);

    public async ValueTask InitializeAsync()
    {
        _directory = System.IO.Directory.CreateTempSubdirectory("admission-e2e").FullName;
        var certFile = Path.Combine(_directory, "tls.crt");
        var keyFile = Path.Combine(_directory, "tls.key");
        TestCertificate.Write(certFile, keyFile);

        _emulator = await KubeEmulatorServer.StartAsync(new KubeEmulatorOptions()).WaitAsync(TimeSpan.FromSeconds(30));
        _emulator.WriteKubeconfig(Kubeconfig);
        _client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfigFile(Kubeconfig));
        var garden = new GardenSource(_client);
        _webhook = AdmissionHost.Build(new AdmissionOptions { BindAddress = "127.0.0.1", Port = 0, CertFile = certFile, KeyFile = keyFile }, garden, garden);
        await _webhook.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));

        await _emulator.ApplyFileAsync(TestData("crds.yaml")).WaitAsync(TimeSpan.FromSeconds(30));
        await _emulator.ApplyYamlAsync(WebhookConfigurations(AdmissionHost.BaseAddress(_webhook), await File.ReadAllTextAsync(certFile))).WaitAsync(TimeSpan.FromSeconds(30));
        await _emulator.ApplyFileAsync(FakeSources.Fixture("cloudprofile.json")).WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (_webhook is not null)
        {
            await _webhook.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
            await _webhook.DisposeAsync();
        }

        _client?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        }

        if (_directory is not null)
        {
            System.IO.Directory.Delete(_directory, true);
        }
    }

    /// <summary>Shoots labelled as metal go to /webhooks/mutate, then /webhooks/validate (clientConfig.url + caBundle, as the chart registers them).</summary>
    private static string WebhookConfigurations(Uri webhook, string caPem)
    {
        var ca = Convert.ToBase64String(Encoding.UTF8.GetBytes(caPem));
        var url = webhook.GetLeftPart(UriPartial.Authority);
        var hook = (string name, string path) => $"""
            - name: {name}
              admissionReviewVersions: [v1]
              sideEffects: None
              failurePolicy: Fail
              timeoutSeconds: 10
              objectSelector:
                matchLabels:
                  provider.extensions.gardener.cloud/metal: "true"
              rules:
              - apiGroups: [core.gardener.cloud]
                apiVersions: [v1beta1]
                operations: [CREATE, UPDATE]
                resources: [shoots]
              clientConfig:
                url: {url}{path}
                caBundle: {ca}
            """;
        return $"""
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata:
              name: gardener-extension-admission-metal
            webhooks:
            {hook("mutation.metal.provider.extensions.gardener.cloud", WebhookEndpoints.MutatePath)}
            ---
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingWebhookConfiguration
            metadata:
              name: gardener-extension-admission-metal
            webhooks:
            {hook("validation.metal.provider.extensions.gardener.cloud", WebhookEndpoints.ValidatePath)}
            """;
    }
}
