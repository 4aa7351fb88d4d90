using System.Globalization;
using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator.Http;

namespace GardenerMetal.KubeEmulator.Patching;

/// <summary>RFC 6902 JSON patch: add, remove, replace, move, copy, test.</summary>
internal static class JsonPatch
{
    public static JsonNode Apply(JsonNode document, JsonArray operations)
    {
        var root = new JsonObject { ["r"] = document };
        for (var i = 0; i < operations.Count; i++)
        {
            if (operations[i] is not JsonObject op)
            {
                throw ApiException.BadRequest($"json patch operation {i} is not an object");
            }

            var name = op["op"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string)op["op"]! : null;
            var path = op["path"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string)op["path"]! : null;
            if (name is null || path is null)
            {
                throw ApiException.BadRequest($"json patch operation {i}: \"op\" and \"path\" are required strings");
            }

            switch (name)
            {
                case "add":
                    Add(root, path, Value(op, i));
                    break;
                case "remove":
                    Remove(root, path);
                    break;
                case "replace":
                    Remove(root, path);
                    Add(root, path, Value(op, i));
                    break;
                case "move":
                {
                    var from = From(op, i);
                    var value = Get(root, from);
                    Remove(root, from);
                    Add(root, path, value);
                    break;
                }

                case "copy":
                    Add(root, path, Get(root, From(op, i))?.DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Get(root, path), op["value"]))
                    {
                        throw new ApiException(422, "Invalid", $"json patch test operation failed at path \"{path}\"");
                    }

                    break;
                default:
                    throw ApiException.BadRequest($"json patch operation {i}: unknown op \"{name}\"");
            }
        }

        return root["r"] ?? throw ApiException.BadRequest("json patch removed the whole document");
    }

    private static JsonNode? Value(JsonObject op, int i) =>
        op.ContainsKey("value") ? op["value"]?.DeepClone() : throw ApiException.BadRequest($"json patch operation {i}: \"value\" is required");

    private static string From(JsonObject op, int i) =>
        op["from"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string)op["from"]! : throw ApiException.BadRequest($"json patch operation {i}: \"from\" is required");

    private static List<string> Tokens(string path)
    {
        if (path.Length == 0)
        {
            return ["r"];
        }

        if (path[0] != '/')
        {
            throw ApiException.BadRequest($"json patch path \"{path}\" must start with /");
        }

        var tokens = new List<string> { "r" };
        tokens.AddRange(path[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)));
        return tokens;
    }

    private static (JsonNode Parent, string Last) Parent(JsonObject root, string path)
    {
        var tokens = Tokens(path);
        JsonNode current = root;
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            current = Child(current, tokens[i], path) ?? throw new ApiException(422, "Invalid", $"json patch path \"{path}\" does not exist");
        }

        return (current, tokens[^1]);
    }

    private static JsonNode? Child(JsonNode node, string token, string path) => node switch
    {
        JsonObject o => o[token],
        JsonArray a when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var idx) && idx < a.Count => a[idx],
        _ => throw new ApiException(422, "Invalid", $"json patch path \"{path}\" does not exist"),
    };

    private static JsonNode? Get(JsonObject root, string path)
    {
        var (parent, last) = Parent(root, path);
        var node = parent switch
        {
            JsonObject o when o.ContainsKey(last) => o[last],
            JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var idx) && idx < a.Count => a[idx],
            _ => throw new ApiException(422, "Invalid", $"json patch path \"{path}\" does not exist"),
        };
        return node;
    }

    private static void Add(JsonObject root, string path, JsonNode? value)
    {
        var (parent, last) = Parent(root, path);
        switch (parent)
        {
            case JsonObject o:
                o.Remove(last);
                o[last] = value?.Parent is null ? value : value.DeepClone();
                break;
            case JsonArray a when last == "-":
                a.Add(value?.Parent is null ? value : value.DeepClone());
                break;
            case JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var idx) && idx <= a.Count:
                a.Insert(idx, value?.Parent is null ? value : value.DeepClone());
                break;
            default:
                throw new ApiException(422, "Invalid", $"json patch path \"{path}\" does not exist");
        }
    }

    private static void Remove(JsonObject root, string path)
    {
        var (parent, last) = Parent(root, path);
        switch (parent)
        {
            case JsonObject o when o.ContainsKey(last):
                o.Remove(last);
                break;
            case JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var idx) && idx < a.Count:
                a.RemoveAt(idx);
                break;
            default:
                throw new ApiException(422, "Invalid", $"json patch path \"{path}\" does not exist");
        }
    }
}
