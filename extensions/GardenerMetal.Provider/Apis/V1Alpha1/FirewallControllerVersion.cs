using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>A downloadable firewall-controller binary.</summary>
public sealed record FirewallControllerVersion
{
    [JsonPropertyName("version")] public string? Version { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
    /// <summary>preview, supported or deprecated (see <see cref="VersionClassifications"/>).</summary>
    [JsonPropertyName("classification")] public string? Classification { get; init; }
}
