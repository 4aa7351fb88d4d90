namespace GardenerMetal.Provider.Controllers.Infrastructure;

/// <summary>Reads a Secret's data from the seed (the Infrastructure's <c>spec.secretRef</c>).</summary>
public interface ISecretDataReader
{
    /// <summary>The secret's data, or null when the Secret does not exist.</summary>
    Task<IReadOnlyDictionary<string, byte[]>?> ReadAsync(string secretNamespace, string name, CancellationToken cancellationToken);
}
