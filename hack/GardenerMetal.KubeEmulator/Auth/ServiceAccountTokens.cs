using System.Collections.Concurrent;
using System.Security.Cryptography;
using GardenerMetal.KubeEmulator.Api;

namespace GardenerMetal.KubeEmulator.Auth;

/// <summary>
/// Tokens issued through TokenRequest (<c>POST …/serviceaccounts/&lt;name&gt;/token</c>): opaque, bound to the
/// ServiceAccount's uid, valid until they expire or the ServiceAccount is deleted (or re-created).
/// </summary>
internal sealed class ServiceAccountTokens
{
    private readonly ConcurrentDictionary<string, (string Namespace, string Name, string Uid, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);
    private readonly ObjectService _service;

    public ServiceAccountTokens(ObjectService service) => _service = service;

    public (string Token, DateTimeOffset Expires) Issue(string ns, string name, string uid, TimeSpan lifetime)
    {
        var token = "sa-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var expires = DateTimeOffset.UtcNow + lifetime;
        _tokens[token] = (ns, name, uid, expires);
        return (token, expires);
    }

    public UserInfo? Resolve(string token)
    {
        if (!_tokens.TryGetValue(token, out var t) || t.Expires < DateTimeOffset.UtcNow)
        {
            return null;
        }

        var store = _service.Registry.StoreFor(BuiltinResources.ServiceAccounts);
        return store.TryGet($"{t.Namespace}/{t.Name}", out var sa) && sa.Uid == t.Uid ? UserInfo.ServiceAccount(t.Namespace, t.Name) : null;
    }
}
