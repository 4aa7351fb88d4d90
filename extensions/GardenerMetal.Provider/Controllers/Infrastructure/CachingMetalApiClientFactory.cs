using System.Collections.Concurrent;
using GardenerMetal.MetalApi;

namespace GardenerMetal.Provider.Controllers.Infrastructure;

/// <summary>
/// Creates one <see cref="MetalApiClient"/> per (endpoint, credentials fingerprint) and reuses it, so that many shoots
/// of one project share a connection pool. A rotated secret yields a new fingerprint and thus a new client.
/// </summary>
public sealed class CachingMetalApiClientFactory : IMetalApiClientFactory, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<MetalApiClient>> _clients = new(StringComparer.Ordinal);
    private readonly Func<MetalApiClientOptions, MetalApiClientOptions> _configure;

    /// <param name="configure">Adjusts the options (timeouts, retries) before a client is created.</param>
    public CachingMetalApiClientFactory(Func<MetalApiClientOptions, MetalApiClientOptions>? configure = null) =>
        _configure = configure ?? (o => o);

    /// <inheritdoc />
    public IMetalApiClient GetClient(MetalApiClientOptions options, string credentialsFingerprint)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(credentialsFingerprint);
        var key = options.BaseAddress.AbsoluteUri + "|" + credentialsFingerprint;
        return _clients.GetOrAdd(key, _ => new Lazy<MetalApiClient>(() => new MetalApiClient(_configure(options)))).Value;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
        {
            client.Value.Dispose();
        }

        _clients.Clear();
    }
}
