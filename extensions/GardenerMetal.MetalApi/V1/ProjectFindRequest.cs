namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.ProjectFindRequest</c>.</summary>
[MetalApiDefinition("v1.ProjectFindRequest")]
public sealed record ProjectFindRequest
{
    /// <summary>The <c>description</c> field.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The <c>id</c> field.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The <c>name</c> field.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The <c>tenant_id</c> field.</summary>
    [JsonPropertyName("tenant_id")]
    public string? TenantId { get; init; }
}
