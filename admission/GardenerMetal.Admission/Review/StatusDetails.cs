using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Admission.Review;

/// <summary>metav1.StatusDetails.</summary>
internal sealed record StatusDetails
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("group")] public string? Group { get; init; }
    [JsonPropertyName("kind")] public string? Kind { get; init; }
    [JsonPropertyName("causes")] public IReadOnlyList<StatusCause>? Causes { get; init; }
}
