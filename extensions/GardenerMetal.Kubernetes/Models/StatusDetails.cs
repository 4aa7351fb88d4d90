using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Kubernetes.Models;

/// <summary>metav1.StatusDetails.</summary>
public sealed class StatusDetails
{
    /// <summary>Name of the object the error is about.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>API group of the object.</summary>
    [JsonPropertyName("group")]
    public string? Group { get; set; }

    /// <summary>Kind (or resource) of the object.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    /// <summary>Uid of the object.</summary>
    [JsonPropertyName("uid")]
    public string? Uid { get; set; }

    /// <summary>Field-level causes (for <c>Invalid</c>).</summary>
    [JsonPropertyName("causes")]
    public IList<StatusCause>? Causes { get; set; }

    /// <summary>Seconds the client should wait before retrying.</summary>
    [JsonPropertyName("retryAfterSeconds")]
    public int? RetryAfterSeconds { get; set; }

    /// <summary>Unmodelled fields.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
