namespace GardenerMetal.OsConfig.Model;

/// <summary>The part of ObjectMeta the translator and the render tool use.</summary>
public sealed record ObjectMetadata
{
    /// <summary>metadata.name.</summary>
    public string? Name { get; init; }

    /// <summary>metadata.namespace.</summary>
    public string? Namespace { get; init; }
}
