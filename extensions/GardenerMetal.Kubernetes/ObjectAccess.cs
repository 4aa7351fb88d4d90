using System.Text.Json.Nodes;
using GardenerMetal.Kubernetes.Models;

namespace GardenerMetal.Kubernetes;

/// <summary>Reads namespace/name/resourceVersion from typed models and from untyped <see cref="JsonObject"/>s.</summary>
internal static class ObjectAccess
{
    public static string? Namespace(object obj) => obj switch
    {
        IKubernetesObject k => k.Metadata?.Namespace,
        JsonObject j => Meta(j, "namespace"),
        _ => throw Unsupported(obj),
    };

    public static string? Name(object obj) => obj switch
    {
        IKubernetesObject k => k.Metadata?.Name,
        JsonObject j => Meta(j, "name"),
        _ => throw Unsupported(obj),
    };

    public static string? ResourceVersion(object obj) => obj switch
    {
        IKubernetesObject k => k.Metadata?.ResourceVersion,
        JsonObject j => Meta(j, "resourceVersion"),
        _ => throw Unsupported(obj),
    };

    public static string? Uid(object obj) => obj switch
    {
        IKubernetesObject k => k.Metadata?.Uid,
        JsonObject j => Meta(j, "uid"),
        _ => throw Unsupported(obj),
    };

    public static IDictionary<string, string>? Labels(object obj)
    {
        switch (obj)
        {
            case IKubernetesObject k:
                return k.Metadata?.Labels;
            case JsonObject j:
                if (j["metadata"] is JsonObject m && m["labels"] is JsonObject labels)
                {
                    var dict = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var (key, value) in labels)
                    {
                        dict[key] = value?.GetValue<string>() ?? "";
                    }

                    return dict;
                }

                return null;
            default:
                throw Unsupported(obj);
        }
    }

    /// <summary>The cache key <c>namespace/name</c> (or <c>name</c> for cluster-scoped objects).</summary>
    public static string Key(object obj)
    {
        var ns = Namespace(obj);
        var name = Name(obj) ?? throw new ArgumentException("Object has no metadata.name.", nameof(obj));
        return string.IsNullOrEmpty(ns) ? name : $"{ns}/{name}";
    }

    /// <summary>Fills apiVersion/kind when the server left them out (items of a built-in list).</summary>
    public static void EnsureTypeMeta(object obj, ResourceDescriptor resource)
    {
        switch (obj)
        {
            case IKubernetesObject k:
                k.ApiVersion ??= resource.ApiVersion;
                k.Kind ??= resource.Kind;
                k.Metadata ??= new ObjectMeta();
                break;
            case JsonObject j:
                if (!j.ContainsKey("apiVersion"))
                {
                    j["apiVersion"] = resource.ApiVersion;
                }

                if (!j.ContainsKey("kind"))
                {
                    j["kind"] = resource.Kind;
                }

                break;
        }
    }

    private static string? Meta(JsonObject j, string field)
        => j["metadata"] is JsonObject m && m[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static NotSupportedException Unsupported(object obj)
        => new($"Type {obj.GetType().Name} is neither IKubernetesObject nor JsonObject.");
}
