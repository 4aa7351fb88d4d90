using System.Globalization;
using System.Text.Json.Nodes;

namespace GardenerMetal.KubeEmulator;

/// <summary>Reads numbers from JSON nodes whatever CLR type backs them (parsed, YAML-converted or built in code).</summary>
internal static class JsonNumbers
{
    public static double ToDouble(JsonNode node) => double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    public static long ToLong(JsonNode node) => (long)ToDouble(node);

    public static int ToInt(JsonNode node) => (int)Math.Clamp(ToDouble(node), int.MinValue, int.MaxValue);
}
