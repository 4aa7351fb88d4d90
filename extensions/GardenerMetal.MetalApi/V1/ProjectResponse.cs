namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.ProjectResponse</c>.</summary>
[MetalApiDefinition("v1.ProjectResponse")]
public sealed record ProjectResponse
{
    /// <summary>The <c>description</c> field.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The <c>meta</c> field.</summary>
    [JsonPropertyName("meta")]
    public Meta? Meta { get; init; }

    /// <summary>The <c>name</c> field.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The <c>tenant_id</c> field.</summary>
    [JsonPropertyName("tenant_id")]
    public string? TenantId { get; init; }
}
