using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Kubernetes.Models;

/// <summary>core/v1 ObjectReference, e.g. an Event's involvedObject.</summary>
public sealed class ObjectReference
{
    /// <summary>apiVersion of the referent.</summary>
    [JsonPropertyName("apiVersion")]
    public string? ApiVersion { get; set; }

    /// <summary>Kind of the referent.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    /// <summary>Namespace of the referent.</summary>
    [JsonPropertyName("namespace")]
    public string? Namespace { get; set; }

    /// <summary>Name of the referent.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Uid of the referent.</summary>
    [JsonPropertyName("uid")]
    public string? Uid { get; set; }

    /// <summary>resourceVersion of the referent when the reference was made.</summary>
    [JsonPropertyName("resourceVersion")]
    public string? ResourceVersion { get; set; }

    /// <summary>Field path within the referent, if any.</summary>
    [JsonPropertyName("fieldPath")]
    public string? FieldPath { get; set; }

    /// <summary>Unmodelled fields.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>Builds a reference to <paramref name="obj"/> (kind, apiVersion, namespace, name, uid, resourceVersion).</summary>
    /// <param name="obj">The referenced object.</param>
    /// <returns>The reference.</returns>
    public static ObjectReference For(IKubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return new ObjectReference
        {
            ApiVersion = obj.ApiVersion,
            Kind = obj.Kind,
            Namespace = obj.Metadata.Namespace,
            Name = obj.Metadata.Name,
            Uid = obj.Metadata.Uid,
            ResourceVersion = obj.Metadata.ResourceVersion,
        };
    }
}
