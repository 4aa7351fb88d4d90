using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Admission.Review;

/// <summary>The request part of an AdmissionReview.</summary>
internal sealed record AdmissionRequest
{
    [JsonPropertyName("uid")] public string? Uid { get; init; }
    [JsonPropertyName("kind")] public GroupVersionKind? Kind { get; init; }
    [JsonPropertyName("operation")] public string? Operation { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("namespace")] public string? Namespace { get; init; }
    [JsonPropertyName("object")] public JsonElement? Object { get; init; }
    [JsonPropertyName("oldObject")] public JsonElement? OldObject { get; init; }
    [JsonPropertyName("dryRun")] public bool? DryRun { get; init; }
}
