using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator.Api;
using GardenerMetal.KubeEmulator.Http;

namespace GardenerMetal.KubeEmulator.Selectors;

/// <summary>A parsed fieldSelector: terms "path=value", "path==value", "path!=value".</summary>
internal sealed class FieldSelector
{
    private static readonly HashSet<string> BuiltinFields = new(StringComparer.Ordinal)
    {
        "type", "reason", "source", "involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
        "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath",
        "regarding.kind", "regarding.namespace", "regarding.name", "regarding.uid", "reportingController", "status.phase", "spec.clusterIP",
    };

    private readonly IReadOnlyList<(string[] Path, bool Equal, string Value)> _terms;

    private FieldSelector(IReadOnlyList<(string[] Path, bool Equal, string Value)> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    public static FieldSelector Parse(string? text, ResourceType type)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var terms = new List<(string[], bool, string)>();
        foreach (var raw in text.Split(','))
        {
            var term = raw.Trim();
            int idx;
            bool equal;
            int skip;
            if ((idx = term.IndexOf("!=", StringComparison.Ordinal)) > 0)
            {
                equal = false;
                skip = 2;
            }
            else if ((idx = term.IndexOf("==", StringComparison.Ordinal)) > 0)
            {
                equal = true;
                skip = 2;
            }
            else if ((idx = term.IndexOf('=', StringComparison.Ordinal)) > 0)
            {
                equal = true;
                skip = 1;
            }
            else
            {
                throw ApiException.BadRequest($"invalid selector: '{term}'; can't understand '{term}'");
            }

            var field = term[..idx].Trim();
            var supported = field is "metadata.name" or "metadata.namespace"
                || (!type.IsCustom && BuiltinFields.Contains(field))
                || type.SelectableFields.Contains("." + field);
            if (!supported)
            {
                throw ApiException.BadRequest($"field label not supported: {field}");
            }

            terms.Add((field.Split('.'), equal, term[(idx + skip)..].Trim()));
        }

        return new FieldSelector(terms);
    }

    public bool IsEmpty => _terms.Count == 0;

    public bool Matches(JsonObject obj)
    {
        foreach (var (path, equal, value) in _terms)
        {
            JsonNode? node = obj;
            foreach (var p in path)
            {
                node = node is JsonObject o ? o[p] : null;
            }

            var actual = node?.ToString() ?? string.Empty;
            if (string.Equals(actual, value, StringComparison.Ordinal) != equal)
            {
                return false;
            }
        }

        return true;
    }
}
