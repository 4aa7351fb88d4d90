using System.Diagnostics.CodeAnalysis;

namespace GardenerMetal.OsConfig.Translation;

/// <summary>Resolves spec.files[].content.secretRef: the data of a Secret in the OSC's namespace by name.</summary>
public interface IOscSecretSource
{
    /// <summary>The Secret's decoded <c>data</c> (plus <c>stringData</c>), or false if there is no such Secret.</summary>
    bool TryGetSecret(string name, [NotNullWhen(true)] out IReadOnlyDictionary<string, byte[]>? data);
}
