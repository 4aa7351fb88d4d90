using System.Text.Json.Nodes;

namespace GardenerMetal.KubeEmulator.Tests;

/// <summary>The protobuf bodies real kubectl sent and the JSON it printed for the same object (testdata/protobuf, see commands.txt).</summary>
internal static class ProtobufVectors
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "testdata", "protobuf");

    public static IEnumerable<string> Cases =>
        System.IO.Directory.GetFiles(Directory, "*.pb").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static byte[] Body(string name) => File.ReadAllBytes(Path.Combine(Directory, name + ".pb"));

    /// <summary>kubectl's JSON of the object, without the nulls Go prints for unset times (the decoder leaves them out).</summary>
    public static JsonObject Json(string name) =>
        (JsonObject)WithoutNulls(JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, name + ".json")))!)!;

    public static JsonNode? WithoutNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var (_, value) in obj)
                {
                    WithoutNulls(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    WithoutNulls(item);
                }

                break;
        }

        return node;
    }
}
