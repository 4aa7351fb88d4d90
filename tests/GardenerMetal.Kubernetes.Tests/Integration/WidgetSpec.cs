using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Kubernetes.Tests.Integration;

/// <summary>Spec of <see cref="Widget"/>; deliberately does not model <c>extra</c>.</summary>
public sealed class WidgetSpec
{
    [JsonPropertyName("size")]
    public string? Size { get; set; }

    [JsonPropertyName("replicas")]
    public int? Replicas { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
