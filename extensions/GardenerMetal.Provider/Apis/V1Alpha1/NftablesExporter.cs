using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>The nftables exporter binary the firewall controller installs.</summary>
public sealed record NftablesExporter
{
    [JsonPropertyName("version")] public string? Version { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
}
