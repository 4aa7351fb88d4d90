namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>rest.HealthResponse</c>.</summary>
[MetalApiDefinition("rest.HealthResponse")]
public sealed record HealthResponse
{
    /// <summary>The <c>message</c> field.</summary>
    [JsonPropertyName("message")]
    public string Message { get; init; } = "";

    /// <summary>The <c>services</c> field.</summary>
    [JsonPropertyName("services")]
    public IReadOnlyDictionary<string, HealthResponse>? Services { get; init; }

    /// <summary>The <c>status</c> field.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = "";
}
