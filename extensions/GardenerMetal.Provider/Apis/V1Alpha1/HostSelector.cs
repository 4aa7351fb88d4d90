using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>A Kubernetes-style label selector evaluated against machine tags.</summary>
public sealed record HostSelector
{
    [JsonPropertyName("matchLabels")] public IReadOnlyDictionary<string, string>? MatchLabels { get; init; }
    [JsonPropertyName("matchExpressions")] public IReadOnlyList<HostSelectorRequirement>? MatchExpressions { get; init; }

    /// <summary>
    /// True when every matchLabels entry and every expression holds for <paramref name="labels"/>
    /// (an empty selector matches everything). Assumes a validated selector.
    /// </summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var (key, value) in MatchLabels ?? new Dictionary<string, string>())
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        foreach (var requirement in MatchExpressions ?? [])
        {
            var present = labels.TryGetValue(requirement.Key ?? string.Empty, out var actual);
            var values = requirement.Values ?? [];
            var holds = requirement.Operator switch
            {
                HostSelectorOperators.In => present && values.Contains(actual),
                HostSelectorOperators.NotIn => !present || !values.Contains(actual),
                HostSelectorOperators.Exists => present,
                HostSelectorOperators.DoesNotExist => !present,
                _ => false,
            };
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Turns metal machine tags (<c>key=value</c>, or a bare <c>key</c> = "") into labels; the first occurrence of a key wins.</summary>
    public static IReadOnlyDictionary<string, string> LabelsFromTags(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            var eq = tag.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? tag : tag[..eq];
            var value = eq < 0 ? string.Empty : tag[(eq + 1)..];
            labels.TryAdd(key, value);
        }

        return labels;
    }
}
