using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Kubernetes.Models;

/// <summary>metav1.StatusCause: one field-level reason of a failure.</summary>
public sealed class StatusCause
{
    /// <summary>Machine-readable cause, e.g. <c>FieldValueRequired</c>.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>Human-readable description.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>Field path, e.g. <c>spec.region</c>.</summary>
    [JsonPropertyName("field")]
    public string? Field { get; set; }

    /// <summary>Unmodelled fields.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
