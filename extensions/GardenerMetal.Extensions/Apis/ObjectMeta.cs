using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>Kubernetes object metadata (the fields the framework reads; everything else round-trips untouched).</summary>
public sealed class ObjectMeta
{
    public string? Name { get; set; }
    public string? Namespace { get; set; }
    public string? Uid { get; set; }
    public string? ResourceVersion { get; set; }
    public long? Generation { get; set; }
    public DateTimeOffset? CreationTimestamp { get; set; }
    public DateTimeOffset? DeletionTimestamp { get; set; }
    public long? DeletionGracePeriodSeconds { get; set; }
    public Dictionary<string, string>? Labels { get; set; }
    public Dictionary<string, string>? Annotations { get; set; }
    public List<string>? Finalizers { get; set; }
    public List<OwnerReference>? OwnerReferences { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The annotation value, or null when absent.</summary>
    public string? GetAnnotation(string key) =>
        Annotations is not null && Annotations.TryGetValue(key, out var value) ? value : null;

    /// <summary>Whether the finalizer is present.</summary>
    public bool HasFinalizer(string finalizer) => Finalizers?.Contains(finalizer, StringComparer.Ordinal) == true;
}
