using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Kubernetes.Models;

/// <summary>metav1.Status: the body of every API error (and of some successful deletes).</summary>
public sealed class Status
{
    /// <summary>Always <c>v1</c>.</summary>
    [JsonPropertyName("apiVersion")]
    public string? ApiVersion { get; set; }

    /// <summary>Always <c>Status</c>.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    /// <summary>List metadata (unused for errors).</summary>
    [JsonPropertyName("metadata")]
    public ListMeta? Metadata { get; set; }

    /// <summary><c>Success</c> or <c>Failure</c>.</summary>
    [JsonPropertyName("status")]
    public string? StatusValue { get; set; }

    /// <summary>Human-readable description.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>Machine-readable reason, e.g. <c>NotFound</c>, <c>AlreadyExists</c>, <c>Conflict</c>, <c>Invalid</c>.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>Extended data (name, kind, field causes, retryAfterSeconds).</summary>
    [JsonPropertyName("details")]
    public StatusDetails? Details { get; set; }

    /// <summary>HTTP status code.</summary>
    [JsonPropertyName("code")]
    public int? Code { get; set; }

    /// <summary>Unmodelled fields.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
