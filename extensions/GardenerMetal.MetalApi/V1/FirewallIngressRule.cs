namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.FirewallIngressRule</c>.</summary>
[MetalApiDefinition("v1.FirewallIngressRule")]
public sealed record FirewallIngressRule
{
    /// <summary>An optional comment describing what this rule is used for</summary>
    [JsonPropertyName("comment")]
    public string? Comment { get; init; }

    /// <summary>The cidrs affected by this rule</summary>
    [JsonPropertyName("from")]
    public required IReadOnlyList<string> From { get; init; }

    /// <summary>The ports affected by this rule</summary>
    [JsonPropertyName("ports")]
    public required IReadOnlyList<int> Ports { get; init; }

    /// <summary>The protocol for the rule, defaults to tcp</summary>
    [JsonPropertyName("protocol")]
    public string? Protocol { get; init; }

    /// <summary>The cidrs affected by this rule</summary>
    [JsonPropertyName("to")]
    public IReadOnlyList<string>? To { get; init; }
}
