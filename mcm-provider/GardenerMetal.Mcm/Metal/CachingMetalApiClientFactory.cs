using System.Collections.Concurrent;
using System.Security.Cryptography;
using GardenerMetal.MetalApi;

namespace GardenerMetal.Mcm.Metal;

/// <summary>
/// Builds one <see cref="MetalApiClient"/> per distinct credential set and reuses it (upstream builds a new
/// client per call, which costs a new connection each time). The cache key is a SHA-256 digest of the
/// credentials, so no secret is kept in a key.
/// </summary>
public sealed class CachingMetalApiClientFactory : IMetalApiClientFactory, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<MetalApiClient>> _clients = new(StringComparer.Ordinal);
    private readonly Func<MetalApiClientOptions, MetalApiClientOptions> _configure;

    /// <summary>Creates the factory; <paramref name="configure"/> may adjust options (timeouts, retries) per client.</summary>
    public CachingMetalApiClientFactory(Func<MetalApiClientOptions, MetalApiClientOptions>? configure = null) =>
        _configure = configure ?? (o => o);

    /// <inheritdoc />
    public IMetalApiClient ClientFor(IReadOnlyDictionary<string, byte[]> secretData)
    {
        ArgumentNullException.ThrowIfNull(secretData);
        var key = Digest(secretData);
        if (_clients.TryGetValue(key, out var cached))
        {
            return cached.Value;
        }

        // Validates the data (throws naming keys) before anything is cached.
        var options = MetalApiClientOptions.FromSecretData(secretData);
        return _clients.GetOrAdd(key, _ => new Lazy<MetalApiClient>(() => new MetalApiClient(_configure(options)))).Value;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(l => l.IsValueCreated))
        {
            client.Value.Dispose();
        }

        _clients.Clear();
    }

    private static string Digest(IReadOnlyDictionary<string, byte[]> data)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var key in new[] { MetalApiSecretKeys.Url, MetalApiSecretKeys.Hmac, MetalApiSecretKeys.Key })
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(key));
            hash.AppendData([0]);
            if (data.TryGetValue(key, out var value) && value is not null)
            {
                hash.AppendData(value);
            }

            hash.AppendData([0]);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
