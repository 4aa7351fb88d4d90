using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Kubernetes.Models;

/// <summary>metav1.OwnerReference: links a dependent to its owner for garbage collection.</summary>
public sealed class OwnerReference
{
    /// <summary>The owner's apiVersion.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    /// <summary>The owner's kind.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    /// <summary>The owner's name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>The owner's uid.</summary>
    [JsonPropertyName("uid")]
    public string Uid { get; set; } = "";

    /// <summary>True when the owner is the managing controller.</summary>
    [JsonPropertyName("controller")]
    public bool? Controller { get; set; }

    /// <summary>True when foreground deletion of the owner waits for this dependent.</summary>
    [JsonPropertyName("blockOwnerDeletion")]
    public bool? BlockOwnerDeletion { get; set; }

    /// <summary>Unmodelled fields, round-tripped unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
