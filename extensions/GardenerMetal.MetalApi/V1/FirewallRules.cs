namespace GardenerMetal.MetalApi.V1;

/// <summary>metal-api <c>v1.FirewallRules</c>.</summary>
[MetalApiDefinition("v1.FirewallRules")]
public sealed record FirewallRules
{
    /// <summary>List of egress rules to be deployed during firewall allocation</summary>
    [JsonPropertyName("egress")]
    public IReadOnlyList<FirewallEgressRule>? Egress { get; init; }

    /// <summary>List of ingress rules to be deployed during firewall allocation</summary>
    [JsonPropertyName("ingress")]
    public IReadOnlyList<FirewallIngressRule>? Ingress { get; init; }
}
