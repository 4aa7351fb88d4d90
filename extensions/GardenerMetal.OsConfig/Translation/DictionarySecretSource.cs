using System.Diagnostics.CodeAnalysis;

namespace GardenerMetal.OsConfig.Translation;

/// <summary>An <see cref="IOscSecretSource"/> over Secrets already read (render tool, tests, pre-fetched by the actuator).</summary>
public sealed class DictionarySecretSource : IOscSecretSource
{
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, byte[]>> secrets;

    /// <summary>No Secrets at all.</summary>
    public static DictionarySecretSource Empty { get; } = new(new Dictionary<string, IReadOnlyDictionary<string, byte[]>>());

    /// <summary>Secrets by name.</summary>
    public DictionarySecretSource(IReadOnlyDictionary<string, IReadOnlyDictionary<string, byte[]>> secrets) => this.secrets = secrets;

    /// <inheritdoc />
    public bool TryGetSecret(string name, [NotNullWhen(true)] out IReadOnlyDictionary<string, byte[]>? data) =>
        secrets.TryGetValue(name, out data);
}
