using System.Text.Json.Serialization;

namespace GardenerMetal.Kubernetes.Models;

/// <summary>core/v1 Secret. <see cref="Data"/> values are raw bytes (base64 on the wire).</summary>
public sealed class Secret : KubernetesObjectBase
{
    /// <summary>Creates an empty Secret with its type meta set.</summary>
    public Secret()
    {
        ApiVersion = "v1";
        Kind = "Secret";
    }

    /// <summary>Secret type, e.g. <c>Opaque</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>Secret data (decoded bytes).</summary>
    [JsonPropertyName("data")]
    public IDictionary<string, byte[]>? Data { get; set; }

    /// <summary>Write-only convenience: plain-text values merged into <see cref="Data"/> by the server.</summary>
    [JsonPropertyName("stringData")]
    public IDictionary<string, string>? StringData { get; set; }

    /// <summary>True when the data can no longer be changed.</summary>
    [JsonPropertyName("immutable")]
    public bool? Immutable { get; set; }

    /// <summary>Returns a safe description (name only; never the data).</summary>
    public override string ToString() => $"Secret {Metadata.Namespace}/{Metadata.Name}";
}
