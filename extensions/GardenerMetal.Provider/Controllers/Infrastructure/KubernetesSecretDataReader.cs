using GardenerMetal.Kubernetes;

namespace GardenerMetal.Provider.Controllers.Infrastructure;

/// <summary><see cref="ISecretDataReader"/> over the seed's Kubernetes API.</summary>
public sealed class KubernetesSecretDataReader : ISecretDataReader
{
    private readonly KubernetesClient _client;

    public KubernetesSecretDataReader(KubernetesClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, byte[]>?> ReadAsync(string secretNamespace, string name, CancellationToken cancellationToken)
    {
        var secret = await _client.Secrets.TryGetAsync(secretNamespace, name, cancellationToken).ConfigureAwait(false);
        if (secret is null)
        {
            return null;
        }

        var data = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (key, value) in secret.Data ?? new Dictionary<string, byte[]>())
        {
            data[key] = value;
        }

        foreach (var (key, value) in secret.StringData ?? new Dictionary<string, string>())
        {
            data[key] = System.Text.Encoding.UTF8.GetBytes(value);
        }

        return data;
    }

    /// <inheritdoc />
    public Task HoldAsync(string secretNamespace, string name, bool hold, CancellationToken cancellationToken) =>
        hold
            ? SecretFinalizers.EnsureAsync(_client, secretNamespace, name, SecretFinalizers.Infrastructure, cancellationToken)
            : SecretFinalizers.RemoveAsync(_client, secretNamespace, name, SecretFinalizers.Infrastructure, cancellationToken);
}
