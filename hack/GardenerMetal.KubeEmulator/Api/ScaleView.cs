using System.Globalization;
using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator.Storage;

namespace GardenerMetal.KubeEmulator.Api;

/// <summary>The autoscaling/v1 Scale of an object that serves <c>/scale</c>, and the JSON paths it reads and writes.</summary>
internal static class ScaleView
{
    public static JsonObject Render(ResourceType type, StoredObject stored)
    {
        var scale = type.Scale!;
        var obj = stored.Object;
        var meta = stored.Metadata;
        var status = new JsonObject { ["replicas"] = Read(obj, scale.StatusReplicasPath)?.DeepClone() ?? 0 };
        var selector = scale.SelectorFromSpec ? SelectorString(obj["spec"]?["selector"] as JsonObject) : scale.LabelSelectorPath is { } p ? Read(obj, p)?.ToString() : null;
        if (!string.IsNullOrEmpty(selector))
        {
            status["selector"] = selector;
        }

        var scaleMeta = new JsonObject { ["name"] = stored.Name };
        if (type.Namespaced)
        {
            scaleMeta["namespace"] = meta["namespace"]?.DeepClone();
        }

        scaleMeta["uid"] = meta["uid"]?.DeepClone();
        scaleMeta["resourceVersion"] = stored.ResourceVersion.ToString(CultureInfo.InvariantCulture);
        scaleMeta["creationTimestamp"] = meta["creationTimestamp"]?.DeepClone();
        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = scaleMeta,
            ["spec"] = new JsonObject { ["replicas"] = Read(obj, scale.SpecReplicasPath)?.DeepClone() ?? 0 },
            ["status"] = status,
        };
    }

    public static JsonNode? Read(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = (node as JsonObject)?[part];
        }

        return node;
    }

    public static void Write(JsonObject obj, string path, JsonNode value)
    {
        var parts = path.Split('.', StringSplitOptions.RemoveEmptyEntries);
        var node = obj;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child)
            {
                child = [];
                node[part] = child;
            }

            node = child;
        }

        node[parts[^1]] = value;
    }

    /// <summary>metav1.FormatLabelSelector: "a=b,c in (d,e)".</summary>
    private static string SelectorString(JsonObject? selector)
    {
        if (selector is null)
        {
            return string.Empty;
        }

        var parts = new List<string>();
        if (selector["matchLabels"] is JsonObject labels)
        {
            parts.AddRange(labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
        }

        if (selector["matchExpressions"] is JsonArray expressions)
        {
            foreach (var e in expressions.OfType<JsonObject>())
            {
                var key = e["key"]?.ToString();
                var values = ((e["values"] as JsonArray) ?? []).Select(v => v?.ToString()).Order(StringComparer.Ordinal);
                parts.Add(e["operator"]?.ToString() switch
                {
                    "In" => $"{key} in ({string.Join(",", values)})",
                    "NotIn" => $"{key} notin ({string.Join(",", values)})",
                    "Exists" => key!,
                    _ => $"!{key}",
                });
            }
        }

        return string.Join(",", parts);
    }
}
