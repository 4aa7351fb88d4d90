using System.Globalization;
using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator.Api;

namespace GardenerMetal.KubeEmulator.Http;

/// <summary>meta.k8s.io/v1 Table output (what kubectl asks for when printing to a terminal).</summary>
internal static class TableRenderer
{
    public static bool Wants(string? accept) =>
        accept is not null && accept.Contains("as=Table", StringComparison.Ordinal);

    public static JsonObject Render(ResourceType type, IEnumerable<JsonObject> objects, string resourceVersion, string? continueToken = null)
    {
        var columns = new JsonArray
        {
            new JsonObject { ["name"] = "Name", ["type"] = "string", ["format"] = "name", ["description"] = "Name must be unique within a namespace.", ["priority"] = 0 },
        };
        var printer = type.PrinterColumns.Count > 0
            ? type.PrinterColumns
            : [new PrinterColumn("Age", "date", ".metadata.creationTimestamp", "CreationTimestamp is a timestamp representing the server time when this object was created.", 0)];
        foreach (var c in printer)
        {
            columns.Add(new JsonObject { ["name"] = c.Name, ["type"] = c.Type, ["format"] = string.Empty, ["description"] = c.Description, ["priority"] = c.Priority });
        }

        var rows = new JsonArray();
        foreach (var obj in objects)
        {
            var cells = new JsonArray { obj["metadata"]?["name"]?.ToString() };
            foreach (var c in printer)
            {
                var value = Evaluate(obj, c.JsonPath);
                cells.Add(c.Type == "date" && value is not null ? Age(value.ToString()) : value?.DeepClone());
            }

            rows.Add(new JsonObject
            {
                ["cells"] = cells,
                ["object"] = new JsonObject
                {
                    ["kind"] = "PartialObjectMetadata",
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["metadata"] = obj["metadata"]?.DeepClone(),
                },
            });
        }

        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion };
        if (continueToken is not null)
        {
            metadata["continue"] = continueToken;
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = metadata,
            ["columnDefinitions"] = columns,
            ["rows"] = rows,
        };
    }

    private static JsonNode? Evaluate(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var part in path.TrimStart('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Contains('[', StringComparison.Ordinal))
            {
                return null;
            }

            node = node is JsonObject o ? o[part] : null;
        }

        return node;
    }

    private static string Age(string timestamp)
    {
        if (!DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
        {
            return "<unknown>";
        }

        var d = DateTimeOffset.UtcNow - t;
        return d.TotalSeconds < 120 ? $"{Math.Max(0, (int)d.TotalSeconds)}s"
            : d.TotalMinutes < 120 ? $"{(int)d.TotalMinutes}m"
            : d.TotalHours < 48 ? $"{(int)d.TotalHours}h"
            : $"{(int)d.TotalDays}d";
    }
}
