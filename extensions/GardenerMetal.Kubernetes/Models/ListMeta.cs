using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Kubernetes.Models;

/// <summary>metav1.ListMeta: the resourceVersion of a list and its continue token.</summary>
public sealed class ListMeta
{
    /// <summary>The collection's resourceVersion; start a watch from here.</summary>
    [JsonPropertyName("resourceVersion")]
    public string? ResourceVersion { get; set; }

    /// <summary>Token for the next page; null or empty on the last page.</summary>
    [JsonPropertyName("continue")]
    public string? Continue { get; set; }

    /// <summary>Number of items after this page, when the server knows it.</summary>
    [JsonPropertyName("remainingItemCount")]
    public long? RemainingItemCount { get; set; }

    /// <summary>Unmodelled fields.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
