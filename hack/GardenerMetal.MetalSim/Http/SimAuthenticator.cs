using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GardenerMetal.MetalApi;
using Microsoft.AspNetCore.Http;

namespace GardenerMetal.MetalSim.Http;

/// <summary>
/// Validates metal-api HMAC (metal-stack/security <c>mac.go</c>) and bearer auth. Deviations from upstream, on purpose:
/// failures answer 401 (upstream answers 403 for every auth failure), a missing X-Data-Salt is rejected explicitly,
/// and an X-Date further in the future than the lifetime is rejected too (upstream only checks the age).
/// </summary>
internal sealed class SimAuthenticator(MetalSimOptions options, string admin, string edit, string view, string bearer)
{
    private readonly (string Type, byte[] Key, TimeSpan Lifetime, SimPrincipal User)[] _hmac =
    [
        (MetalApiAuthTypes.Admin, Encoding.UTF8.GetBytes(admin), options.AdminHmacLifetime, new SimPrincipal("metal-admin@metal-stack.io", true)),
        (MetalApiAuthTypes.Edit, Encoding.UTF8.GetBytes(edit), options.EditHmacLifetime, new SimPrincipal("metal-edit@metal-stack.io", true)),
        (MetalApiAuthTypes.View, Encoding.UTF8.GetBytes(view), options.ViewHmacLifetime, new SimPrincipal("metal-view@metal-stack.io", false)),
    ];

    private static readonly string[] DateFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFFFK"];

    private readonly byte[] _bearer = Encoding.UTF8.GetBytes(bearer);
    private static readonly SimPrincipal BearerUser = new("sim-bearer@metal-stack.io", true);

    public SimPrincipal? Authenticate(HttpRequest request, out string? error)
    {
        error = null;
        var auth = request.Headers.Authorization.ToString();
        if (auth.Length == 0)
        {
            error = "no auth found";
            return null;
        }

        var parts = auth.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            error = "illegal auth found";
            return null;
        }

        if (parts[0] == "Bearer")
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(parts[1]), _bearer))
            {
                return BearerUser;
            }

            error = "invalid bearer token";
            return null;
        }

        foreach (var (type, key, lifetime, user) in _hmac)
        {
            if (parts[0] != type)
            {
                continue;
            }

            var date = request.Headers[MetalHmac.DateHeader].ToString();
            if (!DateTimeOffset.TryParseExact(date, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var ts))
            {
                error = $"unknown timestamp in \"{MetalHmac.DateHeader}\" header, use RFC3339";
                return null;
            }

            var salt = request.Headers[MetalHmac.SaltHeader].ToString();
            if (salt.Length == 0)
            {
                error = $"missing \"{MetalHmac.SaltHeader}\" header";
                return null;
            }

            var age = TimeProvider.System.GetUtcNow() - ts;
            if (lifetime > TimeSpan.Zero && age > lifetime)
            {
                error = "the timestamp in your header is too old, please check if you have time synchronization activated";
                return null;
            }

            if (lifetime > TimeSpan.Zero && -age > lifetime)
            {
                error = "the timestamp in your header is in the future, please check if you have time synchronization activated";
                return null;
            }

            // Upstream re-formats the parsed time as UTC RFC 3339 before computing the MAC.
            var expected = MetalHmac.ComputeSignature(key, MetalHmac.FormatTimestamp(ts), request.Method, salt);
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[1])))
            {
                error = "Wrong HMAC found";
                return null;
            }

            return user;
        }

        error = "unknown authtype found";
        return null;
    }
}
