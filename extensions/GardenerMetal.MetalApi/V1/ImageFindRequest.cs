namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.ImageFindRequest</c>.</summary>
[MetalApiDefinition("v1.ImageFindRequest")]
public sealed record ImageFindRequest
{
    /// <summary>The <c>classification</c> field.</summary>
    [JsonPropertyName("classification")]
    public string? Classification { get; init; }

    /// <summary>The <c>features</c> field.</summary>
    [JsonPropertyName("features")]
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>The <c>id</c> field.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The <c>name</c> field.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The <c>os</c> field.</summary>
    [JsonPropertyName("os")]
    public string? Os { get; init; }

    /// <summary>The <c>version</c> field.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; init; }
}
