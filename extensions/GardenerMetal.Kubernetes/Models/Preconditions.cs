using System.Text.Json.Serialization;

namespace GardenerMetal.Kubernetes.Models;

/// <summary>metav1.Preconditions: a delete fails with Conflict unless these still match.</summary>
public sealed class Preconditions
{
    /// <summary>Required uid.</summary>
    [JsonPropertyName("uid")]
    public string? Uid { get; set; }

    /// <summary>Required resourceVersion.</summary>
    [JsonPropertyName("resourceVersion")]
    public string? ResourceVersion { get; set; }
}
