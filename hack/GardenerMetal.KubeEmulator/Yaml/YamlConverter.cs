using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GardenerMetal.KubeEmulator.Yaml;

/// <summary>Multi-document YAML (YAML 1.2 core schema) to JSON trees.</summary>
internal static partial class YamlConverter
{
    /// <summary>Every non-empty document; throws <see cref="FormatException"/> naming the line on bad YAML.</summary>
    public static List<JsonNode> ParseDocuments(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new FormatException($"invalid YAML at line {ex.Start.Line}, column {ex.Start.Column}: {ex.Message}", ex);
        }

        var result = new List<JsonNode>();
        foreach (var doc in stream.Documents)
        {
            var node = Convert(doc.RootNode);
            if (node is not null)
            {
                result.Add(node);
            }
        }

        return result;
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => ConvertMap(map),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(Convert)]),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => null,
    };

    private static JsonObject ConvertMap(YamlMappingNode map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            var name = key is YamlScalarNode s ? s.Value ?? string.Empty : throw new FormatException($"YAML mapping key at line {key.Start.Line} must be a scalar");
            if (obj.ContainsKey(name))
            {
                throw new FormatException($"duplicate key \"{name}\" at line {key.Start.Line}");
            }

            obj[name] = Convert(value);
        }

        return obj;
    }

    private static JsonValue? ConvertScalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || scalar.Tag == "tag:yaml.org,2002:str")
        {
            return JsonValue.Create(value);
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (IntPattern().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return JsonValue.Create(l);
        }

        if (FloatPattern().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return JsonValue.Create(d);
        }

        return JsonValue.Create(value);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
