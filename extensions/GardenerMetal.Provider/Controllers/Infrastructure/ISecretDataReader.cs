namespace GardenerMetal.Provider.Controllers.Infrastructure;

/// <summary>Reads a Secret's data from the seed (the Infrastructure's <c>spec.secretRef</c>) and holds the Secret with a finalizer.</summary>
public interface ISecretDataReader
{
    /// <summary>The secret's data, or null when the Secret does not exist.</summary>
    Task<IReadOnlyDictionary<string, byte[]>?> ReadAsync(string secretNamespace, string name, CancellationToken cancellationToken);

    /// <summary>Adds (<paramref name="hold"/> true) or removes the Infrastructure's finalizer on the Secret (see <see cref="SecretFinalizers"/>).</summary>
    Task HoldAsync(string secretNamespace, string name, bool hold, CancellationToken cancellationToken);
}
