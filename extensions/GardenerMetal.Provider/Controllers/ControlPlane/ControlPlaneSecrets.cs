using System.Security.Cryptography;
using System.Text;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Errors;
using GardenerMetal.Kubernetes.Models;

namespace GardenerMetal.Provider.Controllers.ControlPlane;

/// <summary>
/// A small secrets manager for the control plane (Gardener's secrets manager, identity <c>provider-metal-controlplane</c>):
/// the CA <c>ca-provider-metal-controlplane</c> kept in a Secret labelled <c>persist=true</c> (so gardenlet carries it
/// through a control plane migration), and server certificates signed by it. A certificate is renewed when it no longer
/// verifies against the CA, its DNS names changed, or 80 % of its lifetime has passed; a CA when 80 % of its life has
/// passed. A Secret labelled <c>rotate=true</c> is regenerated (and a rotated CA re-issues its server certificates).
/// </summary>
public sealed class ControlPlaneSecrets
{
    public const string Identity = "provider-metal-controlplane";
    public const string CaName = "ca-provider-metal-controlplane";
    public const string CcmServerName = "cloud-controller-manager-server";
    public const string RotateLabel = "rotate";
    public const string ManagedByLabel = "managed-by";
    public const string ManagerIdentityLabel = "manager-identity";

    private static readonly TimeSpan CaValidity = TimeSpan.FromDays(3650);
    private static readonly TimeSpan ServerValidity = TimeSpan.FromDays(90);

    private readonly KubernetesClient _client;
    private readonly TimeProvider _time;

    public ControlPlaneSecrets(KubernetesClient client, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        _client = client;
        _time = time;
    }

    /// <summary>The DNS names of metal-ccm's serving certificate: its Service in every in-cluster spelling.</summary>
    public static IReadOnlyList<string> CcmDnsNames(string ns) =>
    [
        ManagedResourceNames.CloudControllerManager,
        ManagedResourceNames.CloudControllerManager + "." + ns,
        ManagedResourceNames.CloudControllerManager + "." + ns + ".svc",
        ManagedResourceNames.CloudControllerManager + "." + ns + ".svc.cluster.local",
    ];

    /// <summary>Ensures the CA and metal-ccm's server certificate; returns the server Secret's name and a checksum of its content.</summary>
    public async Task<(string SecretName, string Checksum)> EnsureCcmServerAsync(string ns, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var (caCert, caKey, _) = await EnsureCaAsync(ns, now, ct).ConfigureAwait(false);
        var dnsNames = CcmDnsNames(ns);
        var existing = await _client.Secrets.TryGetAsync(ns, CcmServerName, ct).ConfigureAwait(false);
        if (existing is not null && !Rotate(existing)
            && Get(existing, "tls.crt") is { } cert && Get(existing, "tls.key") is not null
            && CertificateFactory.ServerCertificateIsCurrent(cert, caCert, dnsNames, now))
        {
            return (CcmServerName, Checksum(existing.Data!));
        }

        var (certPem, keyPem) = CertificateFactory.CreateServer(caCert, caKey, ManagedResourceNames.CloudControllerManager, dnsNames, now, ServerValidity);
        var data = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["tls.crt"] = Encoding.UTF8.GetBytes(certPem),
            ["tls.key"] = Encoding.UTF8.GetBytes(keyPem),
            ["ca.crt"] = Encoding.UTF8.GetBytes(caCert),
        };
        await WriteAsync(ns, CcmServerName, existing, data, persist: false, ct).ConfigureAwait(false);
        return (CcmServerName, Checksum(data));
    }

    /// <summary>Deletes the secrets this manager owns (on ControlPlane deletion).</summary>
    public async Task DeleteAllAsync(string ns, CancellationToken ct)
    {
        foreach (var name in new[] { CcmServerName, CaName })
        {
            try
            {
                await _client.Secrets.DeleteAsync(ns, name, cancellationToken: ct).ConfigureAwait(false);
            }
            catch (KubernetesNotFoundException)
            {
            }
        }
    }

    private async Task<(string Cert, string Key, bool Created)> EnsureCaAsync(string ns, DateTimeOffset now, CancellationToken ct)
    {
        var existing = await _client.Secrets.TryGetAsync(ns, CaName, ct).ConfigureAwait(false);
        if (existing is not null && !Rotate(existing) && Get(existing, "ca.crt") is { } cert && Get(existing, "ca.key") is { } key
            && CertificateFactory.CaIsCurrent(cert, key, now))
        {
            return (cert, key, false);
        }

        var (certPem, keyPem) = CertificateFactory.CreateCa(CaName, now, CaValidity);
        var data = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["ca.crt"] = Encoding.UTF8.GetBytes(certPem),
            ["ca.key"] = Encoding.UTF8.GetBytes(keyPem),
        };
        await WriteAsync(ns, CaName, existing, data, persist: true, ct).ConfigureAwait(false);
        return (certPem, keyPem, true);
    }

    private async Task WriteAsync(string ns, string name, Secret? existing, Dictionary<string, byte[]> data, bool persist, CancellationToken ct)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ManagedByLabel] = "secrets-manager",
            [ManagerIdentityLabel] = Identity,
            ["name"] = name,
        };
        if (persist)
        {
            labels["persist"] = "true";
        }

        if (existing is null)
        {
            // A concurrent reconcile may create it first: then the Conflict/AlreadyExists fails this reconcile and the
            // next one reads the winner's Secret (never two CAs).
            await _client.Secrets.CreateAsync(new Secret
            {
                Metadata = new ObjectMeta { Name = name, Namespace = ns, Labels = labels },
                Type = "Opaque",
                Data = data,
            }, ct).ConfigureAwait(false);
            return;
        }

        existing.Metadata.Labels = labels;
        existing.Data = data;
        existing.StringData = null;
        await _client.Secrets.ReplaceAsync(existing, ct).ConfigureAwait(false);
    }

    private static bool Rotate(Secret secret) => secret.Metadata.Labels?.TryGetValue(RotateLabel, out var value) == true && value == "true";

    private static string? Get(Secret secret, string key) =>
        secret.Data?.TryGetValue(key, out var value) == true && value.Length > 0 ? Encoding.UTF8.GetString(value) : null;

    private static string Checksum(IDictionary<string, byte[]> data)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (key, value) in data.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(key));
            hash.AppendData(value);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
