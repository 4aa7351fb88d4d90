namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.SizeConstraint</c>: a machine matches to a size in order to make them easier to categorize</summary>
[MetalApiDefinition("v1.SizeConstraint")]
public sealed record SizeConstraint
{
    /// <summary>Glob pattern which matches to the given type, for example gpu pci id</summary>
    [JsonPropertyName("identifier")]
    public string? Identifier { get; init; }

    /// <summary>The maximum value of the constraint</summary>
    [JsonPropertyName("max")]
    public long? Max { get; init; }

    /// <summary>The minimum value of the constraint</summary>
    [JsonPropertyName("min")]
    public long? Min { get; init; }

    /// <summary>The type of the constraint</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "";
}
