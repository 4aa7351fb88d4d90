using System.Text.Json;
using System.Text.Json.Nodes;

namespace GardenerMetal.ControlPlane.Tests.Support;

/// <summary>
/// Golden JSON files under testdata/&lt;case&gt;/. <c>CONTROLPLANE_GOLDEN_UPDATE=1</c> rewrites the files instead of
/// comparing (review the diff before committing).
/// </summary>
internal static class Golden
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void AssertMatches(string caseName, string file, JsonNode actual)
    {
        var path = Path.Combine(RepoPaths.TestData, caseName, file);
        var text = actual.ToJsonString(Indented) + "\n";
        if (Environment.GetEnvironmentVariable("CONTROLPLANE_GOLDEN_UPDATE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return;
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing (run with CONTROLPLANE_GOLDEN_UPDATE=1 to create it)");
        var expected = JsonNode.Parse(File.ReadAllText(path));
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{caseName}/{file} differs from the golden file.\nExpected:\n{expected?.ToJsonString(Indented)}\nActual:\n{text}");
    }
}
