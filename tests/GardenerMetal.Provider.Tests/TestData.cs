using System.Text.Json;
using System.Text.Json.Nodes;
using GardenerMetal.Provider.Apis.Core;

namespace GardenerMetal.Provider.Tests;

/// <summary>Loads the fixtures and applies JSON edits (pointer → value, or removal).</summary>
internal static class TestData
{
    public static string Dir => Path.Combine(AppContext.BaseDirectory, "testdata");

    public static JsonNode Load(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Dir, file)))!;

    /// <summary>Sets <paramref name="pointer"/> (creating objects on the way) to <paramref name="json"/>; null json removes it.</summary>
    public static JsonNode Edit(JsonNode root, string pointer, string? json)
    {
        var parts = pointer.TrimStart('/').Split('/');
        var node = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var next = node is JsonArray array ? array[int.Parse(parts[i], System.Globalization.CultureInfo.InvariantCulture)] : node[parts[i].Replace("~1", "/", StringComparison.Ordinal)];
            if (next is null)
            {
                next = new JsonObject();
                node[parts[i]] = next;
            }

            node = next;
        }

        var last = parts[^1].Replace("~1", "/", StringComparison.Ordinal);
        if (node is JsonArray list)
        {
            var index = int.Parse(last, System.Globalization.CultureInfo.InvariantCulture);
            if (json is null)
            {
                list.RemoveAt(index);
            }
            else
            {
                list[index] = JsonNode.Parse(json);
            }
        }
        else if (json is null)
        {
            node.AsObject().Remove(last);
        }
        else
        {
            node[last] = JsonNode.Parse(json);
        }

        return root;
    }

    public static Shoot Shoot(JsonNode node) => node.Deserialize(CoreJsonContext.Default.Shoot)!;

    public static CloudProfile CloudProfile(JsonNode node) => node.Deserialize(CoreJsonContext.Default.CloudProfile)!;

    public static Shoot Shoot(params (string Pointer, string? Json)[] edits) => Shoot(Apply(Load("shoot.json"), edits));

    public static CloudProfile CloudProfile(params (string Pointer, string? Json)[] edits) => CloudProfile(Apply(Load("cloudprofile.json"), edits));

    public static JsonNode Apply(JsonNode root, IEnumerable<(string Pointer, string? Json)> edits)
    {
        foreach (var (pointer, json) in edits)
        {
            Edit(root, pointer, json);
        }

        return root;
    }
}
