namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.MachineFindRequest</c>.</summary>
[MetalApiDefinition("v1.MachineFindRequest")]
public sealed record MachineFindRequest
{
    /// <summary>The <c>id</c> field.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The <c>name</c> field.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The <c>partition_id</c> field.</summary>
    [JsonPropertyName("partition_id")]
    public string? PartitionId { get; init; }

    /// <summary>The <c>sizeid</c> field.</summary>
    [JsonPropertyName("sizeid")]
    public string? SizeId { get; init; }

    /// <summary>The <c>rackid</c> field.</summary>
    [JsonPropertyName("rackid")]
    public string? RackId { get; init; }

    /// <summary>The <c>tags</c> field.</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>The <c>state_value</c> field.</summary>
    [JsonPropertyName("state_value")]
    public string? StateValue { get; init; }

    /// <summary>The <c>allocation_project</c> field.</summary>
    [JsonPropertyName("allocation_project")]
    public string? AllocationProject { get; init; }

    /// <summary>The <c>allocation_role</c> field.</summary>
    [JsonPropertyName("allocation_role")]
    public string? AllocationRole { get; init; }

    /// <summary>The <c>allocation_hostname</c> field.</summary>
    [JsonPropertyName("allocation_hostname")]
    public string? AllocationHostname { get; init; }

    /// <summary>The <c>allocation_name</c> field.</summary>
    [JsonPropertyName("allocation_name")]
    public string? AllocationName { get; init; }

    /// <summary>The <c>allocation_image_id</c> field.</summary>
    [JsonPropertyName("allocation_image_id")]
    public string? AllocationImageId { get; init; }

    /// <summary>The <c>allocation_succeeded</c> field.</summary>
    [JsonPropertyName("allocation_succeeded")]
    public bool? AllocationSucceeded { get; init; }

    /// <summary>The <c>network_ids</c> field.</summary>
    [JsonPropertyName("network_ids")]
    public IReadOnlyList<string>? NetworkIds { get; init; }

    /// <summary>The <c>network_ips</c> field.</summary>
    [JsonPropertyName("network_ips")]
    public IReadOnlyList<string>? NetworkIps { get; init; }
}
