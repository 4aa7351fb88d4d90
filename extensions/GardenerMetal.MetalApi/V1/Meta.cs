namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.Meta</c>.</summary>
[MetalApiDefinition("v1.Meta")]
public sealed record Meta
{
    /// <summary>The <c>annotations</c> field.</summary>
    [JsonPropertyName("annotations")]
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    /// <summary>The <c>apiversion</c> field.</summary>
    [JsonPropertyName("apiversion")]
    public string? ApiVersion { get; init; }

    /// <summary>The <c>created_time</c> field.</summary>
    [JsonPropertyName("created_time")]
    public DateTimeOffset? CreatedTime { get; init; }

    /// <summary>The <c>id</c> field.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The <c>kind</c> field.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; init; }

    /// <summary>The <c>labels</c> field.</summary>
    [JsonPropertyName("labels")]
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>The <c>updated_time</c> field.</summary>
    [JsonPropertyName("updated_time")]
    public DateTimeOffset? UpdatedTime { get; init; }

    /// <summary>The <c>version</c> field.</summary>
    [JsonPropertyName("version")]
    public long? Version { get; init; }
}
