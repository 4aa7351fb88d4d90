using System.Text.Json;
using System.Text.Json.Nodes;
using GardenerMetal.Provider.Defaulting;

namespace GardenerMetal.Admission.Handlers;

/// <summary>Turns defaulted fields into an RFC 6902 JSON patch against the original object, adding missing parents.</summary>
internal static class JsonPatchBuilder
{
    public static JsonArray Build(JsonElement original, IReadOnlyList<DefaultedField> fields)
    {
        var document = JsonNode.Parse(original.GetRawText())!;
        var patch = new JsonArray();
        foreach (var field in fields)
        {
            JsonNode node = document;
            var depth = 0;
            while (depth < field.Path.Count - 1 && node is JsonObject obj && obj[field.Path[depth]] is JsonObject child)
            {
                node = child;
                depth++;
            }

            // node is the deepest existing object on the path; add the first missing member with the rest nested in it.
            JsonNode value = field.Value.DeepClone();
            for (var i = field.Path.Count - 1; i > depth; i--)
            {
                value = new JsonObject { [field.Path[i]] = value };
            }

            var pointer = "/" + string.Join("/", field.Path.Take(depth + 1).Select(Escape));
            patch.Add(new JsonObject { ["op"] = "add", ["path"] = pointer, ["value"] = value });
            ((JsonObject)node)[field.Path[depth]] = value.DeepClone();
        }

        return patch;
    }

    private static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
