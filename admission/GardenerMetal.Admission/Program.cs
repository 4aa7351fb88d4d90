using System.Globalization;
using GardenerMetal.Admission.Hosting;
using GardenerMetal.Admission.Sources;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.Kubernetes.Metrics;
using GardenerMetal.Provider.Defaulting;

// gardener-extension-admission-metal
//   --tls-cert-file F --tls-key-file F [--bind-address A] [--port N] [--kubeconfig F] [--max-request-bytes N]
//   [--metrics-bind-address :8080]   (plain-HTTP /metrics; "0" or absent: off)
// The garden API comes from --kubeconfig, else $KUBECONFIG, else the in-cluster service account.
// Shoot defaults can be overridden with upstream's DEFAULTER_* environment variables.
var config = new ConfigurationBuilder().AddCommandLine(args).Build();
try
{
    var options = new AdmissionOptions
    {
        CertFile = config["tls-cert-file"] ?? throw new ArgumentException("--tls-cert-file is required (PEM certificate)"),
        KeyFile = config["tls-key-file"] ?? throw new ArgumentException("--tls-key-file is required (PEM private key)"),
        BindAddress = config["bind-address"] ?? "0.0.0.0",
        Port = ParseInt(config["port"], "--port", 9443, 0, 65535),
        MaxRequestBodyBytes = ParseInt(config["max-request-bytes"], "--max-request-bytes", 3 * 1024 * 1024, 1024, int.MaxValue),
        Defaults = DefaultingOptions.FromEnvironment(Environment.GetEnvironmentVariable),
        MetricsBindAddress = config["metrics-bind-address"] is { Length: > 0 } m && m != "0" ? m : null,
    };
    if (options.MetricsBindAddress is { } metricsAddress)
    {
        AdmissionHost.ParseBindAddress(metricsAddress);
    }

    if (!System.Net.IPAddress.TryParse(options.BindAddress, out _))
    {
        throw new ArgumentException("--bind-address must be an IP address");
    }

    var kubeconfig = config["kubeconfig"];
    var clientConfig = kubeconfig is { Length: > 0 }
        ? KubernetesClientConfiguration.FromKubeconfigFile(kubeconfig)
        : KubernetesClientConfiguration.LoadDefault();
    using var client = new KubernetesClient(clientConfig, new RestClientMetricsHandler(KubernetesClient.CreateHandler(clientConfig)), disposeHandler: true);
    var garden = new GardenSource(client);
    await using var app = AdmissionHost.Build(options, garden, garden);
    await app.StartAsync();
    Console.WriteLine("gardener-extension-admission-metal listening on " + AdmissionHost.BaseAddress(app)
        + (AdmissionHost.MetricsAddress(app) is { } metricsUri ? ", metrics on " + metricsUri : ""));
    await app.WaitForShutdownAsync();
    return 0;
}
catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or KubernetesConfigurationException or IOException)
{
    await Console.Error.WriteLineAsync("gardener-extension-admission-metal: " + ex.Message);
    return 2;
}

static int ParseInt(string? value, string name, int fallback, int min, int max) =>
    value is null ? fallback
    : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n
    : throw new ArgumentException(name + " must be an integer between " + min + " and " + max);
