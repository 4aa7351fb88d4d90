namespace GardenerMetal.OsConfig.Model;

/// <summary>spec.files[].content.secretRef.</summary>
public sealed record FileContentSecretRef
{
    /// <summary>Secret name (same namespace as the OSC).</summary>
    public string? Name { get; init; }

    /// <summary>Key in the Secret's data.</summary>
    public string? DataKey { get; init; }
}
