using System.Text.Json;
using System.Text.Json.Serialization;
using GardenerMetal.Kubernetes.Serialization;

namespace GardenerMetal.Kubernetes.Models;

/// <summary>
/// metav1.ObjectMeta. Fields that are not modelled (e.g. <c>managedFields</c>) are kept in
/// <see cref="ExtensionData"/> so that a read-modify-replace never drops them.
/// </summary>
public sealed class ObjectMeta
{
    /// <summary>Object name, unique within its namespace.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Prefix the server uses to generate a name when <see cref="Name"/> is empty.</summary>
    [JsonPropertyName("generateName")]
    public string? GenerateName { get; set; }

    /// <summary>Namespace; null for cluster-scoped objects.</summary>
    [JsonPropertyName("namespace")]
    public string? Namespace { get; set; }

    /// <summary>Server-assigned unique id.</summary>
    [JsonPropertyName("uid")]
    public string? Uid { get; set; }

    /// <summary>Opaque version for optimistic concurrency; send it back on replace.</summary>
    [JsonPropertyName("resourceVersion")]
    public string? ResourceVersion { get; set; }

    /// <summary>Sequence number of spec changes, set by the server.</summary>
    [JsonPropertyName("generation")]
    public long? Generation { get; set; }

    /// <summary>When the object was created (server time).</summary>
    [JsonPropertyName("creationTimestamp")]
    [JsonConverter(typeof(KubernetesTimeConverter))]
    public DateTimeOffset? CreationTimestamp { get; set; }

    /// <summary>Set by the server when deletion was requested while finalizers are pending.</summary>
    [JsonPropertyName("deletionTimestamp")]
    [JsonConverter(typeof(KubernetesTimeConverter))]
    public DateTimeOffset? DeletionTimestamp { get; set; }

    /// <summary>Grace period the server applied to the pending deletion.</summary>
    [JsonPropertyName("deletionGracePeriodSeconds")]
    public long? DeletionGracePeriodSeconds { get; set; }

    /// <summary>Labels (selectable key/value pairs).</summary>
    [JsonPropertyName("labels")]
    public IDictionary<string, string>? Labels { get; set; }

    /// <summary>Annotations (non-selectable key/value pairs).</summary>
    [JsonPropertyName("annotations")]
    public IDictionary<string, string>? Annotations { get; set; }

    /// <summary>Finalizers that must be removed before the object is deleted.</summary>
    [JsonPropertyName("finalizers")]
    public IList<string>? Finalizers { get; set; }

    /// <summary>Owners; the garbage collector deletes this object when they are gone.</summary>
    [JsonPropertyName("ownerReferences")]
    public IList<OwnerReference>? OwnerReferences { get; set; }

    /// <summary>Fields this model does not know (e.g. managedFields); round-tripped unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
