using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GardenerMetal.KubeEmulator.Tls;

/// <summary>A throw-away self-signed CA plus one serving certificate for 127.0.0.1, ::1 and localhost.</summary>
internal sealed class CertificateAuthority : IDisposable
{
    private CertificateAuthority(X509Certificate2 ca, X509Certificate2 serving)
    {
        Ca = ca;
        Serving = serving;
    }

    public X509Certificate2 Ca { get; }

    public X509Certificate2 Serving { get; }

    public string CaPem => Ca.ExportCertificatePem() + "\n";

    public static CertificateAuthority Create()
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=gardenermetal-kube-emulator-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var caSki = new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false);
        caRequest.CertificateExtensions.Add(caSki);
        using var caWithKey = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(2));

        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest("CN=kube-apiserver", leafKey, HashAlgorithmName.SHA256);
        leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        leafRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        leafRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(caSki));
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddIpAddress(IPAddress.IPv6Loopback);
        san.AddDnsName("localhost");
        leafRequest.CertificateExtensions.Add(san.Build());
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var leaf = leafRequest.Create(caWithKey, now.AddMinutes(-5), now.AddYears(1), serial);
        using var leafWithKey = leaf.CopyWithPrivateKey(leafKey);

        // Round-trip through PKCS#12 so that the key is usable by SslStream on every platform.
        var serving = X509CertificateLoader.LoadPkcs12(leafWithKey.Export(X509ContentType.Pkcs12), null);
        var ca = X509CertificateLoader.LoadCertificate(caWithKey.RawData);
        return new CertificateAuthority(ca, serving);
    }

    public void Dispose()
    {
        Ca.Dispose();
        Serving.Dispose();
    }
}
