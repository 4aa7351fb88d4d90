using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>A bandwidth limit (Mbit/s) for one firewall network.</summary>
public sealed record RateLimit
{
    [JsonPropertyName("networkID")] public string? NetworkId { get; init; }
    [JsonPropertyName("rateLimit")] public uint RateLimitMbps { get; init; }
}
