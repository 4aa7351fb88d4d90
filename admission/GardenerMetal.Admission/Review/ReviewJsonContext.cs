using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace GardenerMetal.Admission.Review;

/// <summary>Source-generated JSON for AdmissionReview (tolerant: apiservers add fields over time).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdmissionReview))]
[JsonSerializable(typeof(JsonArray))]
internal sealed partial class ReviewJsonContext : JsonSerializerContext;
