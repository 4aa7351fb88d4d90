using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace GardenerMetal.Kubernetes.Configuration;

/// <summary>Server certificate validation: against the configured CAs only (custom trust store), or the system store.</summary>
internal static class TlsValidation
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5359:Do not disable certificate validation", Justification = "Only when the kubeconfig sets insecure-skip-tls-verify explicitly, as kubectl does; never a fallback.")]
    public static RemoteCertificateValidationCallback? CreateCallback(KubernetesClientConfiguration config)
    {
        if (config.InsecureSkipTlsVerify)
        {
            return static (_, _, _, _) => true;
        }

        if (config.CertificateAuthorities is not { Count: > 0 } cas)
        {
            return null; // system trust store, default validation
        }

        return (_, certificate, _, errors) => Validate(certificate, errors, cas);
    }

    public static bool Validate(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection cas)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNotAvailable | SslPolicyErrors.RemoteCertificateNameMismatch)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(cas);
        chain.ChainPolicy.ExtraStore.AddRange(cas);
        var leaf = certificate as X509Certificate2 ?? new X509Certificate2(certificate);
        try
        {
            return chain.Build(leaf);
        }
        finally
        {
            foreach (var element in chain.ChainElements)
            {
                if (!ReferenceEquals(element.Certificate, leaf))
                {
                    element.Certificate.Dispose();
                }
            }

            if (!ReferenceEquals(leaf, certificate))
            {
                leaf.Dispose();
            }
        }
    }
}
