using System.Text;
using System.Text.Json;
using GardenerMetal.OsConfig.Model;
using GardenerMetal.OsConfig.Translation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GardenerMetal.OsConfig.Serialization;

/// <summary>
/// Reads OperatingSystemConfig manifests (YAML or JSON, possibly multi-document). Exactly one document must be an
/// OperatingSystemConfig; <c>v1/Secret</c> documents supply secretRef contents (<c>data</c> base64, <c>stringData</c> plain,
/// stringData wins). Problems are <see cref="OsConfigurationException"/>s naming the document and field.
/// </summary>
public static class OscDocumentReader
{
    /// <summary>Parses a JSON-encoded OperatingSystemConfig (as served by the Kubernetes API).</summary>
    public static OperatingSystemConfig ParseJson(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, OscJsonContext.Default.OperatingSystemConfig)
                ?? throw new OsConfigurationException("spec", "the OperatingSystemConfig is null");
        }
        catch (JsonException e)
        {
            throw new OsConfigurationException(FieldPath(e.Path), "has the wrong type");
        }
    }

    /// <summary>Reads a manifest file's text.</summary>
    public static OscDocument Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new OsConfigurationException($"document at line {e.Start.Line}", "is not valid YAML");
        }

        OperatingSystemConfig? osc = null;
        var secrets = new Dictionary<string, IReadOnlyDictionary<string, byte[]>>(StringComparer.Ordinal);
        for (var index = 0; index < stream.Documents.Count; index++)
        {
            var root = stream.Documents[index].RootNode;
            if (root is YamlScalarNode { Value: null or "" })
            {
                continue;
            }

            var json = YamlJson.ToJson(root);
            using var doc = JsonDocument.Parse(json);
            var kind = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            switch (kind)
            {
                case "OperatingSystemConfig":
                    if (osc is not null)
                    {
                        throw new OsConfigurationException($"document {index}", "a second OperatingSystemConfig; give one per file");
                    }

                    osc = ParseJson(json);
                    break;
                case "Secret":
                    var (name, data) = ReadSecret(doc.RootElement, index);
                    secrets[name] = data;
                    break;
                default:
                    throw new OsConfigurationException($"document {index}.kind", "expected OperatingSystemConfig or Secret");
            }
        }

        return osc is null
            ? throw new OsConfigurationException("document", "no OperatingSystemConfig found")
            : new OscDocument(osc, new DictionarySecretSource(secrets));
    }

    private static (string Name, IReadOnlyDictionary<string, byte[]> Data) ReadSecret(JsonElement secret, int index)
    {
        var at = $"document {index} (Secret)";
        if (!secret.TryGetProperty("metadata", out var meta) || meta.ValueKind != JsonValueKind.Object
            || !meta.TryGetProperty("name", out var n) || n.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(n.GetString()))
        {
            throw new OsConfigurationException(at + " metadata.name", "is required");
        }

        var name = n.GetString()!;
        var data = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (secret.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in d.EnumerateObject())
            {
                try
                {
                    data[p.Name] = p.Value.ValueKind == JsonValueKind.Null ? [] : Convert.FromBase64String(p.Value.GetString() ?? string.Empty);
                }
                catch (Exception e) when (e is FormatException or InvalidOperationException)
                {
                    throw new OsConfigurationException($"{at} data.{p.Name}", "is not a base64 string");
                }
            }
        }

        if (secret.TryGetProperty("stringData", out var sd) && sd.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in sd.EnumerateObject())
            {
                if (p.Value.ValueKind != JsonValueKind.String)
                {
                    throw new OsConfigurationException($"{at} stringData.{p.Name}", "must be a string");
                }

                data[p.Name] = Encoding.UTF8.GetBytes(p.Value.GetString()!);
            }
        }

        return (name, data);
    }

    private static string FieldPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "spec";
        }

        return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
    }
}
