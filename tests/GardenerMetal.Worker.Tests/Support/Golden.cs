using System.Text.Json;
using System.Text.Json.Nodes;

namespace GardenerMetal.Worker.Tests.Support;

/// <summary>
/// Golden JSON files under testdata/&lt;case&gt;/. Server-owned metadata (uid, resourceVersion, timestamps,
/// generation) is removed before comparing. <c>WORKER_GOLDEN_UPDATE=1</c> rewrites the files instead.
/// </summary>
internal static class Golden
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void AssertMatches(string caseName, string file, JsonObject actual)
    {
        var normalized = Normalize(actual);
        var path = Path.Combine(RepoPaths.TestData, caseName, file);
        var text = normalized.ToJsonString(Indented) + "\n";
        if (Environment.GetEnvironmentVariable("WORKER_GOLDEN_UPDATE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return;
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing (run with WORKER_GOLDEN_UPDATE=1 to create it)");
        var expected = JsonNode.Parse(File.ReadAllText(path));
        Assert.True(JsonNode.DeepEquals(expected, normalized), $"{caseName}/{file} differs from the golden file.\nExpected:\n{expected?.ToJsonString(Indented)}\nActual:\n{text}");
    }

    public static JsonObject Normalize(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove("status");
        if (copy["metadata"] is JsonObject metadata)
        {
            foreach (var key in new[] { "uid", "resourceVersion", "creationTimestamp", "generation", "managedFields" })
            {
                metadata.Remove(key);
            }
        }

        return copy;
    }
}
