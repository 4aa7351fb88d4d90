using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Admission.Review;

/// <summary>A metav1.Status (the fields admission uses).</summary>
internal sealed record ResponseStatus
{
    [JsonPropertyName("code")] public int Code { get; init; }
    [JsonPropertyName("reason")] public string? Reason { get; init; }
    [JsonPropertyName("message")] public string? Message { get; init; }
    [JsonPropertyName("details")] public StatusDetails? Details { get; init; }
}
