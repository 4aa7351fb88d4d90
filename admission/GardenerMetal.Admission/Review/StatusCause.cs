using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Admission.Review;

/// <summary>metav1.StatusCause: one field error.</summary>
internal sealed record StatusCause
{
    [JsonPropertyName("reason")] public string? Reason { get; init; }
    [JsonPropertyName("message")] public string? Message { get; init; }
    [JsonPropertyName("field")] public string? Field { get; init; }
}
