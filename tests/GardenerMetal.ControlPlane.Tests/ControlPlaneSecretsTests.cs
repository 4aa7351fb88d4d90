using GardenerMetal.ControlPlane.Tests.Support;
using GardenerMetal.Kubernetes.Models;
using GardenerMetal.Provider.Controllers.ControlPlane;

namespace GardenerMetal.ControlPlane.Tests;

/// <summary>The secrets manager: reuse, renewal before expiry, rotation by label, against the emulator.</summary>
public sealed class ControlPlaneSecretsTests(ControlPlaneTestBed bed) : IClassFixture<ControlPlaneTestBed>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EnsureCcmServer_Unchanged_ReusesTheCertificate()
    {
        var ns = await NamespaceAsync();
        var secrets = new ControlPlaneSecrets(bed.Kube, TimeProvider.System);

        var first = await secrets.EnsureCcmServerAsync(ns, CancellationToken.None).WaitAsync(Bound);
        var second = await secrets.EnsureCcmServerAsync(ns, CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task EnsureCcmServer_EightyPercentOfLifetimePassed_RenewsWithTheSameCa()
    {
        var ns = await NamespaceAsync();
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var secrets = new ControlPlaneSecrets(bed.Kube, clock);
        var (_, before) = await secrets.EnsureCcmServerAsync(ns, CancellationToken.None).WaitAsync(Bound);
        var ca = (await bed.Kube.Secrets.GetAsync(ns, ControlPlaneSecrets.CaName).WaitAsync(Bound)).Data!["ca.crt"];

        clock.Now += TimeSpan.FromDays(60);
        var (_, sameDay60) = await secrets.EnsureCcmServerAsync(ns, CancellationToken.None).WaitAsync(Bound);
        clock.Now += TimeSpan.FromDays(15);
        var (_, renewed) = await secrets.EnsureCcmServerAsync(ns, CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(before, sameDay60);
        Assert.NotEqual(before, renewed);
        Assert.Equal(ca, (await bed.Kube.Secrets.GetAsync(ns, ControlPlaneSecrets.CaName).WaitAsync(Bound)).Data!["ca.crt"]);
        await AssertChainsAsync(ns, clock.Now);
    }

    [Fact]
    public async Task EnsureCcmServer_CaLabelledRotate_NewCaAndReissuedCertificate()
    {
        var ns = await NamespaceAsync();
        var secrets = new ControlPlaneSecrets(bed.Kube, TimeProvider.System);
        var (_, before) = await secrets.EnsureCcmServerAsync(ns, CancellationToken.None).WaitAsync(Bound);
        var ca = await bed.Kube.Secrets.GetAsync(ns, ControlPlaneSecrets.CaName).WaitAsync(Bound);
        var oldCa = ca.Data!["ca.crt"];
        ca.Metadata.Labels![ControlPlaneSecrets.RotateLabel] = "true";
        await bed.Kube.Secrets.ReplaceAsync(ca).WaitAsync(Bound);

        var (_, after) = await secrets.EnsureCcmServerAsync(ns, CancellationToken.None).WaitAsync(Bound);

        var rotated = await bed.Kube.Secrets.GetAsync(ns, ControlPlaneSecrets.CaName).WaitAsync(Bound);
        Assert.NotEqual(oldCa, rotated.Data!["ca.crt"]);
        Assert.False(rotated.Metadata.Labels!.ContainsKey(ControlPlaneSecrets.RotateLabel));
        Assert.NotEqual(before, after);
        await AssertChainsAsync(ns, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task EnsureCcmServer_TamperedCertificate_Replaced()
    {
        var ns = await NamespaceAsync();
        var secrets = new ControlPlaneSecrets(bed.Kube, TimeProvider.System);
        await secrets.EnsureCcmServerAsync(ns, CancellationToken.None).WaitAsync(Bound);
        var server = await bed.Kube.Secrets.GetAsync(ns, ControlPlaneSecrets.CcmServerName).WaitAsync(Bound);
        server.Data!["tls.crt"] = "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n"u8.ToArray();
        await bed.Kube.Secrets.ReplaceAsync(server).WaitAsync(Bound);

        await secrets.EnsureCcmServerAsync(ns, CancellationToken.None).WaitAsync(Bound);

        await AssertChainsAsync(ns, DateTimeOffset.UtcNow);
    }

    private async Task<string> NamespaceAsync()
    {
        var ns = bed.NextNamespace();
        await bed.Kube.Namespaces.CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = ns } }).WaitAsync(Bound);
        return ns;
    }

    private async Task AssertChainsAsync(string ns, DateTimeOffset now)
    {
        Secret ca = await bed.Kube.Secrets.GetAsync(ns, ControlPlaneSecrets.CaName).WaitAsync(Bound);
        Secret server = await bed.Kube.Secrets.GetAsync(ns, ControlPlaneSecrets.CcmServerName).WaitAsync(Bound);
        using var caCert = Certificates.Cert(ca, "ca.crt");
        using var cert = Certificates.Cert(server, "tls.crt");
        Assert.True(Certificates.Verifies(cert, caCert, now));
        Assert.True(cert.NotAfter.ToUniversalTime() > now.UtcDateTime);
        Assert.Equal(ControlPlaneSecrets.CcmDnsNames(ns).Order(StringComparer.Ordinal), Certificates.DnsNames(cert).Order(StringComparer.Ordinal));
    }
}
