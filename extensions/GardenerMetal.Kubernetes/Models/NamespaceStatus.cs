using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Kubernetes.Models;

/// <summary>core/v1 NamespaceStatus.</summary>
public sealed class NamespaceStatus
{
    /// <summary><c>Active</c> or <c>Terminating</c>.</summary>
    [JsonPropertyName("phase")]
    public string? Phase { get; set; }

    /// <summary>Unmodelled fields (conditions).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
