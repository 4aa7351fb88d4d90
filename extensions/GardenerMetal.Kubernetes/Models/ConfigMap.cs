using System.Text.Json.Serialization;

namespace GardenerMetal.Kubernetes.Models;

/// <summary>core/v1 ConfigMap.</summary>
public sealed class ConfigMap : KubernetesObjectBase
{
    /// <summary>Creates an empty ConfigMap with its type meta set.</summary>
    public ConfigMap()
    {
        ApiVersion = "v1";
        Kind = "ConfigMap";
    }

    /// <summary>UTF-8 data.</summary>
    [JsonPropertyName("data")]
    public IDictionary<string, string>? Data { get; set; }

    /// <summary>Binary data (base64 on the wire).</summary>
    [JsonPropertyName("binaryData")]
    public IDictionary<string, byte[]>? BinaryData { get; set; }

    /// <summary>True when the data can no longer be changed.</summary>
    [JsonPropertyName("immutable")]
    public bool? Immutable { get; set; }
}
