using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GardenerMetal.LocalUp;

/// <summary>Reads the example manifests and fills in the <c>${NAME}</c> placeholders (simulator address, HMAC key).</summary>
internal static partial class Manifests
{
    /// <summary>The text of <paramref name="path"/> with every <c>${NAME}</c> replaced; an unknown name is an error naming it.</summary>
    public static string Load(string path, IReadOnlyDictionary<string, string> values)
    {
        if (!File.Exists(path))
        {
            throw new LocalUpException($"manifest {path} does not exist");
        }

        var text = File.ReadAllText(path);
        return Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v)
            ? v
            : throw new LocalUpException($"{path}: unknown placeholder ${{{m.Groups[1].Value}}}; known: {string.Join(", ", values.Keys)}"));
    }

    /// <summary>Each YAML document of <paramref name="yaml"/> as JSON.</summary>
    public static IReadOnlyList<JsonObject> Documents(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents.Select(d => ToJson(d.RootNode)).OfType<JsonObject>()];
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value ?? "", ToJson(p.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(value);
        }

        return value switch
        {
            "" or "~" or "null" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            // YAML 1.1 octal (0644), as Kubernetes' YAML reader
            _ when value.StartsWith('0') && value.Length > 1 && value.All(char.IsAsciiDigit) => JsonValue.Create(Convert.ToInt64(value, 8)),
            _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
            _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && value.Any(char.IsAsciiDigit) && !value.Contains(':', StringComparison.Ordinal) => JsonValue.Create(d),
            _ => JsonValue.Create(value),
        };
    }

    [GeneratedRegex(@"\$\{([A-Z_][A-Z0-9_]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
