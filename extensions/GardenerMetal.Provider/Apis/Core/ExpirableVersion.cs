using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.Core;

/// <summary>A version entry of a CloudProfile.</summary>
public sealed record ExpirableVersion
{
    [JsonPropertyName("version")] public string? Version { get; init; }
    [JsonPropertyName("classification")] public string? Classification { get; init; }
    [JsonPropertyName("expirationDate")] public string? ExpirationDate { get; init; }
}
