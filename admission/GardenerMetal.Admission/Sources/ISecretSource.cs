using GardenerMetal.Provider.Apis.Core;

namespace GardenerMetal.Admission.Sources;

/// <summary>Reads Secrets referenced by SecretBindings/CredentialsBindings from the garden API.</summary>
public interface ISecretSource
{
    /// <summary>The Secret, or null when it does not exist.</summary>
    Task<Secret?> GetSecretAsync(string secretNamespace, string name, CancellationToken cancellationToken);
}
