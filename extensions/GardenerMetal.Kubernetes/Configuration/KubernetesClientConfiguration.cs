using System.Security.Cryptography.X509Certificates;

namespace GardenerMetal.Kubernetes.Configuration;

/// <summary>
/// How to reach and authenticate to one API server. Build it from a kubeconfig
/// (<see cref="FromKubeconfigFile"/>), from the pod's service account (<see cref="InCluster"/>), or
/// let <see cref="LoadDefault"/> pick (KUBECONFIG, then ~/.kube/config, then in-cluster).
/// TLS is verified against <see cref="CertificateAuthorities"/> when given (custom trust store, the
/// system store is not consulted), otherwise against the system store; verification is only ever
/// skipped when <see cref="InsecureSkipTlsVerify"/> is set explicitly.
/// </summary>
public sealed class KubernetesClientConfiguration
{
    /// <summary>API server base address, e.g. <c>https://127.0.0.1:6443</c>.</summary>
    public required Uri Server { get; init; }

    /// <summary>CA certificates the server certificate must chain to; null means the system trust store.</summary>
    public X509Certificate2Collection? CertificateAuthorities { get; init; }

    /// <summary>Client certificate with private key for mutual TLS, if any.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>Static bearer token, if any. Never logged or shown by <see cref="ToString"/>.</summary>
    public string? Token { get; init; }

    /// <summary>File holding the bearer token; re-read periodically so rotated tokens are picked up.</summary>
    public string? TokenFile { get; init; }

    /// <summary>Skips server certificate verification. Only honoured when set explicitly; never a fallback.</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>Server name to verify instead of the host of <see cref="Server"/>, if any.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>Default namespace (the context's namespace or the pod's namespace); may be null.</summary>
    public string? Namespace { get; init; }

    /// <summary>Deadline for one non-watch request (default 30 s).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>User-Agent sent with every request.</summary>
    public string UserAgent { get; init; } = "gardener-metal";

    /// <summary>Reads a kubeconfig file and resolves its current (or the named) context.</summary>
    /// <param name="path">Path of the kubeconfig file.</param>
    /// <param name="context">Context to use instead of <c>current-context</c>.</param>
    /// <returns>The configuration.</returns>
    public static KubernetesClientConfiguration FromKubeconfigFile(string path, string? context = null)
        => FromKubeconfigFiles([path], context);

    /// <summary>Reads and merges kubeconfig files like kubectl does (the first file to define a name wins).</summary>
    /// <param name="paths">Kubeconfig files in precedence order; missing files are ignored unless all are missing.</param>
    /// <param name="context">Context to use instead of <c>current-context</c>.</param>
    /// <returns>The configuration.</returns>
    public static KubernetesClientConfiguration FromKubeconfigFiles(IEnumerable<string> paths, string? context = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Kubeconfig.Load([.. paths], context);
    }

    /// <summary>Parses kubeconfig YAML held in memory.</summary>
    /// <param name="yaml">The kubeconfig text.</param>
    /// <param name="baseDirectory">Directory that relative file paths in it are resolved against.</param>
    /// <param name="context">Context to use instead of <c>current-context</c>.</param>
    /// <returns>The configuration.</returns>
    public static KubernetesClientConfiguration FromKubeconfigYaml(string yaml, string? baseDirectory = null, string? context = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return Kubeconfig.Parse(yaml, "<kubeconfig>", baseDirectory ?? Directory.GetCurrentDirectory(), context);
    }

    /// <summary>
    /// In-cluster configuration: <c>https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT</c>, the
    /// service-account token file (re-read on rotation), its <c>ca.crt</c> and <c>namespace</c>.
    /// </summary>
    /// <param name="environment">Where to look (default: the process environment and the standard mount).</param>
    /// <returns>The configuration.</returns>
    public static KubernetesClientConfiguration InCluster(ConfigurationEnvironment? environment = null)
        => InClusterConfig.Load(environment ?? ConfigurationEnvironment.Process);

    /// <summary>True when the process runs in a pod (service env vars and token file present).</summary>
    /// <param name="environment">Where to look.</param>
    /// <returns>Whether <see cref="InCluster"/> can work.</returns>
    public static bool IsInCluster(ConfigurationEnvironment? environment = null)
        => InClusterConfig.IsAvailable(environment ?? ConfigurationEnvironment.Process);

    /// <summary>
    /// The configuration kubectl would use: the files in <c>KUBECONFIG</c> (path-list), else
    /// <c>~/.kube/config</c> if it exists, else in-cluster.
    /// </summary>
    /// <param name="environment">Where to look.</param>
    /// <param name="context">Context to use instead of <c>current-context</c>.</param>
    /// <returns>The configuration.</returns>
    public static KubernetesClientConfiguration LoadDefault(ConfigurationEnvironment? environment = null, string? context = null)
    {
        environment ??= ConfigurationEnvironment.Process;
        var kubeconfigVar = environment.GetEnvironmentVariable("KUBECONFIG");
        if (!string.IsNullOrWhiteSpace(kubeconfigVar))
        {
            var paths = kubeconfigVar.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return Kubeconfig.Load(paths, context);
        }

        var home = Path.Combine(environment.HomeDirectory, ".kube", "config");
        if (File.Exists(home))
        {
            return Kubeconfig.Load([home], context);
        }

        if (InClusterConfig.IsAvailable(environment))
        {
            return InClusterConfig.Load(environment);
        }

        throw new KubernetesConfigurationException(
            $"No Kubernetes configuration found: KUBECONFIG is not set, {home} does not exist, and KUBERNETES_SERVICE_HOST/{environment.ServiceAccountDirectory}/token are not present.");
    }

    /// <summary>Describes the configuration without any credential.</summary>
    /// <returns>Server, namespace and the kinds of credentials present.</returns>
    public override string ToString()
        => $"server={Server}, namespace={Namespace ?? "<none>"}, token={(Token is not null ? "<set>" : TokenFile is not null ? "<file>" : "<none>")}, " +
           $"clientCertificate={(ClientCertificate is not null ? "<set>" : "<none>")}, customCA={CertificateAuthorities is { Count: > 0 }}, insecureSkipTlsVerify={InsecureSkipTlsVerify}";
}
