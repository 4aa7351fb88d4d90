namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.SizeResponse</c>.</summary>
[MetalApiDefinition("v1.SizeResponse")]
public sealed record SizeResponse
{
    /// <summary>The last changed timestamp of this entity</summary>
    [JsonPropertyName("changed")]
    public DateTimeOffset? Changed { get; init; }

    /// <summary>A list of constraints that defines this size</summary>
    [JsonPropertyName("constraints")]
    public IReadOnlyList<SizeConstraint> Constraints { get; init; } = [];

    /// <summary>The creation time of this entity</summary>
    [JsonPropertyName("created")]
    public DateTimeOffset? Created { get; init; }

    /// <summary>A description for this entity</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The unique ID of this entity</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>Free labels that you associate with this size.</summary>
    [JsonPropertyName("labels")]
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>A readable name for this entity</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }
}
