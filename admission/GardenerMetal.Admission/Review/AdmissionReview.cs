using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Admission.Review;

/// <summary>admission.k8s.io/v1 AdmissionReview.</summary>
internal sealed record AdmissionReview
{
    public const string V1 = "admission.k8s.io/v1";

    [JsonPropertyName("apiVersion")] public string? ApiVersion { get; init; }
    [JsonPropertyName("kind")] public string? Kind { get; init; }
    [JsonPropertyName("request")] public AdmissionRequest? Request { get; init; }
    [JsonPropertyName("response")] public AdmissionResponse? Response { get; init; }
}
