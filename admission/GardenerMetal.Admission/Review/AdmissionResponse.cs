using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Admission.Review;

/// <summary>The response part of an AdmissionReview.</summary>
internal sealed record AdmissionResponse
{
    [JsonPropertyName("uid")] public string Uid { get; init; } = string.Empty;
    [JsonPropertyName("allowed")] public bool Allowed { get; init; }
    [JsonPropertyName("status")] public ResponseStatus? Status { get; init; }
    [JsonPropertyName("patchType")] public string? PatchType { get; init; }
    /// <summary>Base64 of the JSON patch.</summary>
    [JsonPropertyName("patch")] public string? Patch { get; init; }
    [JsonPropertyName("warnings")] public IReadOnlyList<string>? Warnings { get; init; }
}
