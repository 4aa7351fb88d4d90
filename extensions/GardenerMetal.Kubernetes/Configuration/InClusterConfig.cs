using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GardenerMetal.Kubernetes.Configuration;

internal static class InClusterConfig
{
    public static bool IsAvailable(ConfigurationEnvironment env)
        => !string.IsNullOrEmpty(env.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST"))
           && File.Exists(Path.Combine(env.ServiceAccountDirectory, "token"));

    public static KubernetesClientConfiguration Load(ConfigurationEnvironment env)
    {
        var host = env.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST");
        var port = env.GetEnvironmentVariable("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrWhiteSpace(host))
        {
            throw new KubernetesConfigurationException("In-cluster configuration: environment variable KUBERNETES_SERVICE_HOST is not set.");
        }

        if (string.IsNullOrWhiteSpace(port))
        {
            throw new KubernetesConfigurationException("In-cluster configuration: environment variable KUBERNETES_SERVICE_PORT is not set.");
        }

        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var portNumber) || portNumber is < 1 or > 65535)
        {
            throw new KubernetesConfigurationException($"In-cluster configuration: KUBERNETES_SERVICE_PORT '{port}' is not a port number.");
        }

        var tokenFile = Path.Combine(env.ServiceAccountDirectory, "token");
        if (!File.Exists(tokenFile))
        {
            throw new KubernetesConfigurationException($"In-cluster configuration: service-account token file {tokenFile} does not exist.");
        }

        var caFile = Path.Combine(env.ServiceAccountDirectory, "ca.crt");
        if (!File.Exists(caFile))
        {
            throw new KubernetesConfigurationException($"In-cluster configuration: service-account CA file {caFile} does not exist.");
        }

        var cas = new X509Certificate2Collection();
        try
        {
            cas.ImportFromPemFile(caFile);
        }
        catch (CryptographicException ex)
        {
            throw new KubernetesConfigurationException($"In-cluster configuration: {caFile} is not a PEM certificate bundle.", ex);
        }

        if (cas.Count == 0)
        {
            throw new KubernetesConfigurationException($"In-cluster configuration: {caFile} holds no certificate.");
        }

        var nsFile = Path.Combine(env.ServiceAccountDirectory, "namespace");
        var ns = File.Exists(nsFile) ? File.ReadAllText(nsFile).Trim() : null;
        var hostPart = host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;
        return new KubernetesClientConfiguration
        {
            Server = new Uri($"https://{hostPart}:{portNumber.ToString(CultureInfo.InvariantCulture)}"),
            CertificateAuthorities = cas,
            TokenFile = tokenFile,
            Namespace = string.IsNullOrEmpty(ns) ? null : ns,
        };
    }
}
