using System.Text.Json.Serialization;

namespace GardenerMetal.Kubernetes.Models;

/// <summary>metav1.DeleteOptions: preconditions and propagation policy of a delete.</summary>
public sealed class DeleteOptions
{
    /// <summary>Always <c>v1</c>.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "v1";

    /// <summary>Always <c>DeleteOptions</c>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "DeleteOptions";

    /// <summary>Delete only if the object still has this uid / resourceVersion.</summary>
    [JsonPropertyName("preconditions")]
    public Preconditions? Preconditions { get; set; }

    /// <summary><c>Orphan</c>, <c>Background</c> or <c>Foreground</c> (see <see cref="PropagationPolicy"/>).</summary>
    [JsonPropertyName("propagationPolicy")]
    public string? PropagationPolicy { get; set; }

    /// <summary>Grace period in seconds; null for the resource's default.</summary>
    [JsonPropertyName("gracePeriodSeconds")]
    public long? GracePeriodSeconds { get; set; }
}
