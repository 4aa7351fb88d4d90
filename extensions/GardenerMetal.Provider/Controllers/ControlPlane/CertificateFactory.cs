using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GardenerMetal.Provider.Controllers.ControlPlane;

/// <summary>Creates the control plane's CA and the server certificates it signs (ECDSA P-256, PEM).</summary>
internal static class CertificateFactory
{
    /// <summary>A self-signed CA: (certificate PEM, private key PEM).</summary>
    public static (string CertPem, string KeyPem) CreateCa(string commonName, DateTimeOffset now, TimeSpan validity)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + commonName, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var cert = request.CreateSelfSigned(now.AddMinutes(-5), now + validity);
        return (cert.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>A server certificate for <paramref name="dnsNames"/> signed by the CA: (certificate PEM, private key PEM).</summary>
    public static (string CertPem, string KeyPem) CreateServer(string caCertPem, string caKeyPem, string commonName, IReadOnlyList<string> dnsNames, DateTimeOffset now, TimeSpan validity)
    {
        using var ca = X509Certificate2.CreateFromPem(caCertPem, caKeyPem);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + commonName, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames)
        {
            san.AddDnsName(name);
        }

        request.CertificateExtensions.Add(san.Build());
        var notAfter = now + validity;
        if (notAfter > ca.NotAfter)
        {
            notAfter = ca.NotAfter;
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var cert = request.Create(ca, now.AddMinutes(-5), notAfter, serial);
        return (cert.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>Whether the server certificate is still good: signed by the CA, the same DNS names, and not in the last 20 % of its life.</summary>
    public static bool ServerCertificateIsCurrent(string certPem, string caCertPem, IReadOnlyList<string> dnsNames, DateTimeOffset now)
    {
        try
        {
            using var cert = X509Certificate2.CreateFromPem(certPem);
            using var ca = X509Certificate2.CreateFromPem(caCertPem);
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.VerificationTime = now.UtcDateTime;
            if (!chain.Build(cert))
            {
                return false;
            }

            var sans = cert.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(e => e.EnumerateDnsNames()).Order(StringComparer.Ordinal);
            if (!sans.SequenceEqual(dnsNames.Order(StringComparer.Ordinal), StringComparer.Ordinal))
            {
                return false;
            }

            var lifetime = cert.NotAfter - cert.NotBefore;
            return now.UtcDateTime < cert.NotAfter.ToUniversalTime() - (lifetime * 0.2);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Whether the CA is usable for at least 20 % of its lifetime more.</summary>
    public static bool CaIsCurrent(string caCertPem, string caKeyPem, DateTimeOffset now)
    {
        try
        {
            using var ca = X509Certificate2.CreateFromPem(caCertPem, caKeyPem);
            var lifetime = ca.NotAfter - ca.NotBefore;
            return ca.HasPrivateKey && now.UtcDateTime < ca.NotAfter.ToUniversalTime() - (lifetime * 0.2);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
