using System.Security.Cryptography.X509Certificates;
using System.Text;
using GardenerMetal.Kubernetes.Models;

namespace GardenerMetal.ControlPlane.Tests.Support;

internal static class Certificates
{
    public static X509Certificate2 Cert(Secret secret, string key) => X509Certificate2.CreateFromPem(Encoding.UTF8.GetString(secret.Data![key]));

    /// <summary>Whether <paramref name="cert"/> chains to <paramref name="ca"/> (and only to it).</summary>
    public static bool Verifies(X509Certificate2 cert, X509Certificate2 ca, DateTimeOffset? at = null)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = (at ?? DateTimeOffset.UtcNow).UtcDateTime;
        return chain.Build(cert);
    }

    public static IReadOnlyList<string> DnsNames(X509Certificate2 cert) =>
        [.. cert.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(e => e.EnumerateDnsNames())];
}
