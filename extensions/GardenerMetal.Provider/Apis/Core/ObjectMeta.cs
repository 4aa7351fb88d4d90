using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.Core;

/// <summary>The metadata fields admission and the controllers read.</summary>
public sealed record ObjectMeta
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("namespace")] public string? Namespace { get; init; }
    [JsonPropertyName("uid")] public string? Uid { get; init; }
    [JsonPropertyName("resourceVersion")] public string? ResourceVersion { get; init; }
    [JsonPropertyName("generation")] public long? Generation { get; init; }
    [JsonPropertyName("labels")] public IReadOnlyDictionary<string, string>? Labels { get; init; }
    [JsonPropertyName("annotations")] public IReadOnlyDictionary<string, string>? Annotations { get; init; }
    [JsonPropertyName("deletionTimestamp")] public DateTimeOffset? DeletionTimestamp { get; init; }
}
