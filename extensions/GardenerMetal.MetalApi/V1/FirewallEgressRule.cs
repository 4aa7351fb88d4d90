namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.FirewallEgressRule</c>.</summary>
[MetalApiDefinition("v1.FirewallEgressRule")]
public sealed record FirewallEgressRule
{
    /// <summary>An optional comment describing what this rule is used for</summary>
    [JsonPropertyName("comment")]
    public string? Comment { get; init; }

    /// <summary>The ports affected by this rule</summary>
    [JsonPropertyName("ports")]
    public required IReadOnlyList<int> Ports { get; init; }

    /// <summary>The protocol for the rule, defaults to tcp</summary>
    [JsonPropertyName("protocol")]
    public string? Protocol { get; init; }

    /// <summary>The cidrs affected by this rule</summary>
    [JsonPropertyName("to")]
    public required IReadOnlyList<string> To { get; init; }
}
