namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.ImageResponse</c>.</summary>
[MetalApiDefinition("v1.ImageResponse")]
public sealed record ImageResponse
{
    /// <summary>The last changed timestamp of this entity</summary>
    [JsonPropertyName("changed")]
    public DateTimeOffset? Changed { get; init; }

    /// <summary>Classification of this image</summary>
    [JsonPropertyName("classification")]
    public string? Classification { get; init; }

    /// <summary>The creation time of this entity</summary>
    [JsonPropertyName("created")]
    public DateTimeOffset? Created { get; init; }

    /// <summary>A description for this entity</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>ExpirationDate of this image</summary>
    [JsonPropertyName("expirationDate")]
    public DateTimeOffset ExpirationDate { get; init; }

    /// <summary>Features of this image</summary>
    [JsonPropertyName("features")]
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>The unique ID of this entity</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>A readable name for this entity</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The url of this image</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>Machines where this image is in use</summary>
    [JsonPropertyName("usedby")]
    public IReadOnlyList<string>? UsedBy { get; init; }
}
