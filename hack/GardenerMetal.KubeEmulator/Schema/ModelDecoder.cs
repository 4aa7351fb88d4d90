using System.Text.Json;
using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator.Http;
using k8s.Models;

namespace GardenerMetal.KubeEmulator.Schema;

/// <summary>
/// What kube-apiserver's decoding of a built-in kind into its Go struct does to a JSON body, done against
/// KubernetesClient's model of the kind: unknown fields are dropped (and reported, for fieldValidation),
/// null fields become absent, and a value of the wrong JSON type is a 400 naming the field.
/// </summary>
internal static class ModelDecoder
{
    /// <summary>Decodes <paramref name="obj"/> in place; returns the paths of unknown (dropped) fields.</summary>
    public static List<string> DecodeAndPrune(JsonObject obj, Type model)
    {
        var unknown = new List<string>();
        DecodeObject(obj, model, string.Empty, unknown);
        return unknown;
    }

    private static void DecodeObject(JsonObject obj, Type model, string path, List<string> unknown)
    {
        var fields = ModelFields.Of(model)!;
        foreach (var key in obj.Select(p => p.Key).ToList())
        {
            var fieldPath = path.Length == 0 ? key : $"{path}.{key}";
            if (!fields.TryGetValue(key, out var fieldType))
            {
                obj.Remove(key);
                unknown.Add(fieldPath);
                continue;
            }

            if (obj[key] is null)
            {
                obj.Remove(key);
                continue;
            }

            Decode(obj[key]!, fieldType, fieldPath, unknown);
        }
    }

    private static void Decode(JsonNode value, Type type, string path, List<string> unknown)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var kind = value.GetValueKind();
        if (type == typeof(object))
        {
            return;
        }

        if (ModelFields.Of(type) is not null)
        {
            Expect(kind == JsonValueKind.Object, path, "object", kind);
            DecodeObject((JsonObject)value, type, path, unknown);
        }
        else if (ModelFields.ListElement(type) is { } element)
        {
            Expect(kind == JsonValueKind.Array, path, "array", kind);
            var array = (JsonArray)value;
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is { } item)
                {
                    Decode(item, element, $"{path}[{i}]", unknown);
                }
            }
        }
        else if (ModelFields.MapValue(type) is { } mapValue)
        {
            Expect(kind == JsonValueKind.Object, path, "object", kind);
            foreach (var (k, v) in (JsonObject)value)
            {
                if (v is not null)
                {
                    Decode(v, mapValue, $"{path}.{k}", unknown);
                }
            }
        }
        else if (type == typeof(string) || type == typeof(DateTime) || type == typeof(byte[]))
        {
            Expect(kind == JsonValueKind.String, path, "string", kind);
        }
        else if (type == typeof(bool))
        {
            Expect(kind is JsonValueKind.True or JsonValueKind.False, path, "boolean", kind);
        }
        else if (type == typeof(int) || type == typeof(long))
        {
            Expect(kind == JsonValueKind.Number && long.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _), path, "integer", kind);
        }
        else if (type == typeof(double) || type == typeof(float))
        {
            Expect(kind == JsonValueKind.Number, path, "number", kind);
        }
        else if (type == typeof(IntOrString) || type == typeof(ResourceQuantity))
        {
            Expect(kind is JsonValueKind.String or JsonValueKind.Number, path, "string or integer", kind);
        }
    }

    private static void Expect(bool ok, string path, string expected, JsonValueKind actual)
    {
        if (!ok)
        {
            var got = actual switch
            {
                JsonValueKind.True or JsonValueKind.False => "boolean",
                _ => actual.ToString().ToLowerInvariant(),
            };
            throw ApiException.BadRequest($"json: cannot unmarshal {got} into field {path} of type {expected}");
        }
    }
}
