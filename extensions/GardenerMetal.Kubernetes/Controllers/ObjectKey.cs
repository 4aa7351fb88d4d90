using System.Text.Json.Nodes;
using GardenerMetal.Kubernetes.Models;

namespace GardenerMetal.Kubernetes.Controllers;

/// <summary>Work-queue / cache keys: <c>namespace/name</c>, or <c>name</c> for cluster-scoped objects.</summary>
public static class ObjectKey
{
    /// <summary>The key of <paramref name="obj"/>.</summary>
    /// <param name="obj">A typed object.</param>
    /// <returns>The key.</returns>
    public static string For(IKubernetesObject obj) => ObjectAccess.Key(obj);

    /// <summary>The key of an untyped object.</summary>
    /// <param name="obj">An untyped object.</param>
    /// <returns>The key.</returns>
    public static string For(JsonObject obj) => ObjectAccess.Key(obj);

    /// <summary>Builds a key.</summary>
    /// <param name="namespace">Namespace, or null/empty for cluster-scoped.</param>
    /// <param name="name">Name.</param>
    /// <returns>The key.</returns>
    public static string Create(string? @namespace, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return string.IsNullOrEmpty(@namespace) ? name : $"{@namespace}/{name}";
    }

    /// <summary>Splits a key into namespace (null for cluster-scoped) and name.</summary>
    /// <param name="key">The key.</param>
    /// <returns>Namespace and name.</returns>
    public static (string? Namespace, string Name) Split(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash == 0 || slash == key.Length - 1 || key.IndexOf('/', slash + 1) >= 0)
        {
            throw new FormatException($"Object key '{key}' is not 'namespace/name' or 'name'.");
        }

        return slash < 0 ? (null, key) : (key[..slash], key[(slash + 1)..]);
    }
}
