using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Kubernetes.Models;

/// <summary>
/// Type meta + <see cref="ObjectMeta"/> + unknown-field round-tripping, shared by every typed model.
/// Derive from it (or from <see cref="KubernetesObject{TSpec, TStatus}"/>) for your own kinds.
/// </summary>
public abstract class KubernetesObjectBase : IKubernetesObject
{
    /// <inheritdoc />
    [JsonPropertyName("apiVersion")]
    [JsonPropertyOrder(-3)]
    public string? ApiVersion { get; set; }

    /// <inheritdoc />
    [JsonPropertyName("kind")]
    [JsonPropertyOrder(-2)]
    public string? Kind { get; set; }

    /// <inheritdoc />
    [JsonPropertyName("metadata")]
    [JsonPropertyOrder(-1)]
    public ObjectMeta Metadata { get; set; } = new();

    /// <summary>Top-level fields the model does not know; round-tripped so a replace never drops them.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
