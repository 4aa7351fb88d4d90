using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GardenerMetal.LocalUp;

/// <summary>A throw-away CA and a loopback serving certificate for the admission webhook (fresh PEM files every start).</summary>
internal sealed record LocalCertificates(string CaFile, string CertFile, string KeyFile, string CaPem)
{
    public static LocalCertificates Create(string directory)
    {
        Directory.CreateDirectory(directory);
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=local-up admission CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var caSki = new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false);
        caRequest.CertificateExtensions.Add(caSki);
        using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(7));

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=gardener-extension-admission-metal", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(caSki));
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var serving = request.Create(ca, now.AddMinutes(-5), now.AddDays(7), serial);

        var files = new LocalCertificates(Path.Combine(directory, "ca.crt"), Path.Combine(directory, "tls.crt"), Path.Combine(directory, "tls.key"), ca.ExportCertificatePem() + "\n");
        File.WriteAllText(files.CaFile, files.CaPem);
        File.WriteAllText(files.CertFile, serving.ExportCertificatePem() + "\n");
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        File.Delete(files.KeyFile);
        using (var stream = new FileStream(files.KeyFile, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(key.ExportPkcs8PrivateKeyPem() + "\n");
        }

        return files;
    }
}
