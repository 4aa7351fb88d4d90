using GardenerMetal.Kubernetes.Models;

namespace GardenerMetal.Extensions.Apis;

/// <summary>Read helpers for <see cref="ObjectMeta"/>.</summary>
public static class ObjectMetaExtensions
{
    /// <summary>The annotation value, or null when absent.</summary>
    public static string? GetAnnotation(this ObjectMeta metadata, string key)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.Annotations is not null && metadata.Annotations.TryGetValue(key, out var value) ? value : null;
    }

    /// <summary>Whether the finalizer is present.</summary>
    public static bool HasFinalizer(this ObjectMeta metadata, string finalizer)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.Finalizers?.Contains(finalizer, StringComparer.Ordinal) == true;
    }
}
