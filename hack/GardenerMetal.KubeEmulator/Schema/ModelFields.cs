using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace GardenerMetal.KubeEmulator.Schema;

/// <summary>The JSON fields of a KubernetesClient model type (name → CLR type), cached per type.</summary>
internal static class ModelFields
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, Type>> Cache = new();

    /// <summary>Null when <paramref name="type"/> is not a model object (a scalar, list, map or <see cref="object"/>).</summary>
    public static IReadOnlyDictionary<string, Type>? Of(Type type) =>
        IsModel(type) ? Cache.GetOrAdd(type, Build) : null;

    /// <summary>The element type of an IList&lt;T&gt;, or null.</summary>
    public static Type? ListElement(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IList<>) ? type.GetGenericArguments()[0] : null;

    /// <summary>The value type of an IDictionary&lt;string, T&gt;, or null.</summary>
    public static Type? MapValue(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>) ? type.GetGenericArguments()[1] : null;

    private static bool IsModel(Type type) =>
        type.IsClass && type.Namespace == "k8s.Models" && type != typeof(k8s.Models.IntOrString) && type != typeof(k8s.Models.ResourceQuantity);

    private static Dictionary<string, Type> Build(Type type)
    {
        var fields = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetCustomAttribute<JsonPropertyNameAttribute>() is { } name)
            {
                fields[name.Name] = p.PropertyType;
            }
        }

        return fields;
    }
}
