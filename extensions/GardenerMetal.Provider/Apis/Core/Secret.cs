using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.Core;

/// <summary>v1 Secret (subset). Values of <see cref="Data"/> are base64 as on the wire; never log them.</summary>
public sealed record Secret
{
    [JsonPropertyName("apiVersion")] public string? ApiVersion { get; init; }
    [JsonPropertyName("kind")] public string? Kind { get; init; }
    [JsonPropertyName("metadata")] public ObjectMeta Metadata { get; init; } = new();
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("data")] public IReadOnlyDictionary<string, string>? Data { get; init; }
    [JsonPropertyName("stringData")] public IReadOnlyDictionary<string, string>? StringData { get; init; }
}
