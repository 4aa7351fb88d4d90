using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Admission.Review;

/// <summary>group/version/kind of the reviewed object.</summary>
internal sealed record GroupVersionKind
{
    [JsonPropertyName("group")] public string? Group { get; init; }
    [JsonPropertyName("version")] public string? Version { get; init; }
    [JsonPropertyName("kind")] public string? Kind { get; init; }
}
