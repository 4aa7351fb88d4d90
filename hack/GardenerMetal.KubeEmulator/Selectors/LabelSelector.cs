using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GardenerMetal.KubeEmulator.Http;

namespace GardenerMetal.KubeEmulator.Selectors;

/// <summary>A parsed labelSelector query parameter (equality- and set-based).</summary>
internal sealed partial class LabelSelector
{
    private readonly IReadOnlyList<LabelRequirement> _requirements;

    private LabelSelector(IReadOnlyList<LabelRequirement> requirements) => _requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public bool IsEmpty => _requirements.Count == 0;

    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<LabelRequirement>();
        foreach (var term in SplitTerms(text))
        {
            var t = term.Trim();
            Match m;
            if ((m = SetPattern().Match(t)).Success)
            {
                var values = m.Groups[3].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                requirements.Add(new LabelRequirement(CheckKey(m.Groups[1].Value), m.Groups[2].Value.ToLowerInvariant(), values));
            }
            else if ((m = EqualityPattern().Match(t)).Success)
            {
                var op = m.Groups[2].Value == "!=" ? "!=" : "=";
                requirements.Add(new LabelRequirement(CheckKey(m.Groups[1].Value), op, [CheckValue(m.Groups[3].Value)]));
            }
            else if ((m = ExistsPattern().Match(t)).Success)
            {
                requirements.Add(new LabelRequirement(CheckKey(m.Groups[2].Value), m.Groups[1].Success && m.Groups[1].Value == "!" ? "!" : "exists", []));
            }
            else
            {
                throw ApiException.BadRequest($"unable to parse requirement: labelSelector term \"{t}\" is invalid");
            }
        }

        return new LabelSelector(requirements);
    }

    /// <summary>A metav1.LabelSelector object (matchLabels + matchExpressions), as in webhook selectors.</summary>
    public static LabelSelector FromObject(JsonObject? selector)
    {
        if (selector is null)
        {
            return Everything;
        }

        var requirements = new List<LabelRequirement>();
        if (selector["matchLabels"] is JsonObject ml)
        {
            foreach (var (k, v) in ml)
            {
                requirements.Add(new LabelRequirement(k, "=", [v?.ToString() ?? string.Empty]));
            }
        }

        if (selector["matchExpressions"] is JsonArray exprs)
        {
            foreach (var e in exprs.OfType<JsonObject>())
            {
                var values = (e["values"] as JsonArray)?.Select(v => v?.ToString() ?? string.Empty).ToList() ?? [];
                var op = ((string?)e["operator"]) switch
                {
                    "In" => "in",
                    "NotIn" => "notin",
                    "Exists" => "exists",
                    "DoesNotExist" => "!",
                    var other => throw ApiException.BadRequest($"labelSelector operator \"{other}\" is not supported"),
                };
                requirements.Add(new LabelRequirement((string?)e["key"] ?? string.Empty, op, values));
            }
        }

        return new LabelSelector(requirements);
    }

    public bool Matches(JsonObject obj)
    {
        if (_requirements.Count == 0)
        {
            return true;
        }

        return Matches(Labels(obj));
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.All(r => r.Matches(labels));

    public static Dictionary<string, string> Labels(JsonObject obj)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj["metadata"]?["labels"] is JsonObject l)
        {
            foreach (var (k, v) in l)
            {
                labels[k] = v?.ToString() ?? string.Empty;
            }
        }

        return labels;
    }

    private static IEnumerable<string> SplitTerms(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return text[start..i];
                    start = i + 1;
                    break;
            }
        }

        yield return text[start..];
    }

    private static string CheckKey(string key) =>
        KeyPattern().IsMatch(key) ? key : throw ApiException.BadRequest($"unable to parse requirement: invalid label key \"{key}\"");

    private static string CheckValue(string value) =>
        value.Length == 0 || ValuePattern().IsMatch(value) ? value : throw ApiException.BadRequest($"unable to parse requirement: invalid label value \"{value}\"");

    [GeneratedRegex(@"^([^\s!=(),]+)\s+(in|notin)\s*\(([^)]*)\)$", RegexOptions.IgnoreCase)]
    private static partial Regex SetPattern();

    [GeneratedRegex(@"^([^\s!=(),]+)\s*(==|=|!=)\s*([^\s!=(),]*)$")]
    private static partial Regex EqualityPattern();

    [GeneratedRegex(@"^(!)?\s*([^\s!=(),]+)$")]
    private static partial Regex ExistsPattern();

    [GeneratedRegex(@"^([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex ValuePattern();
}
