using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>CIDRs an isolated shoot may talk to.</summary>
public sealed record AllowedNetworks
{
    [JsonPropertyName("ingress")] public IReadOnlyList<string>? Ingress { get; init; }
    [JsonPropertyName("egress")] public IReadOnlyList<string>? Egress { get; init; }
}
