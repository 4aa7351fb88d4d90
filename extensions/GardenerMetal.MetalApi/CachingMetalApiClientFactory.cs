using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace GardenerMetal.MetalApi;

/// <summary>
/// Creates one <see cref="MetalApiClient"/> per (endpoint, credentials) and reuses it, so that many shoots or Machines
/// of one project share a connection pool (upstream builds a client per call). The cache key is the base address plus a
/// SHA-256 digest of the credentials (kind, HMAC auth type, key or token), so no secret is kept in a key; a rotated
/// secret yields a new digest and thus a new client.
/// </summary>
public sealed class CachingMetalApiClientFactory : IMetalApiClientFactory, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<MetalApiClient>> _clients = new(StringComparer.Ordinal);
    private readonly Func<MetalApiClientOptions, MetalApiClientOptions> _configure;
    private volatile bool _disposed;

    /// <summary>Creates the factory.</summary>
    /// <param name="configure">Adjusts the options (timeouts, retries) before a client is created.</param>
    public CachingMetalApiClientFactory(Func<MetalApiClientOptions, MetalApiClientOptions>? configure = null) =>
        _configure = configure ?? (o => o);

    /// <inheritdoc />
    public IMetalApiClient GetClient(MetalApiClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _clients.GetOrAdd(KeyFor(options), _ => new Lazy<MetalApiClient>(() => new MetalApiClient(_configure(options)))).Value;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
        {
            client.Value.Dispose();
        }

        _clients.Clear();
    }

    /// <summary>The cache key: <c>&lt;base address&gt;|&lt;hex SHA-256 of the credentials&gt;</c>.</summary>
    internal static string KeyFor(MetalApiClientOptions options)
    {
        var credentials = options.Credentials;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (credentials.IsHmac)
        {
            hash.AppendData("hmac\0"u8);
            hash.AppendData(Encoding.UTF8.GetBytes(credentials.HmacAuthType ?? ""));
            hash.AppendData([0]);
            hash.AppendData(credentials.HmacKey);
        }
        else
        {
            hash.AppendData("bearer\0"u8);
            hash.AppendData(Encoding.UTF8.GetBytes(credentials.BearerToken ?? ""));
        }

        return options.BaseAddress.AbsoluteUri + "|" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
