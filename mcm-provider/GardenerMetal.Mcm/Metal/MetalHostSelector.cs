namespace GardenerMetal.Mcm.Metal;

/// <summary>
/// A label selector (BareMetalHost-style <c>hostSelector</c>) evaluated against a machine's tags,
/// where a tag <c>key=value</c> is the label <c>key: value</c> and a tag without <c>=</c> is the label <c>key: ""</c>.
/// </summary>
public sealed record MetalHostSelector
{
    /// <summary>Every label must be present with that value.</summary>
    public IReadOnlyDictionary<string, string> MatchLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>Every requirement must hold.</summary>
    public IReadOnlyList<MetalHostSelectorRequirement> MatchExpressions { get; init; } = [];

    /// <summary>Whether a machine with these tags matches.</summary>
    public bool Matches(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            var eq = tag.IndexOf('=', StringComparison.Ordinal);
            labels[eq < 0 ? tag : tag[..eq]] = eq < 0 ? string.Empty : tag[(eq + 1)..];
        }

        foreach (var (key, value) in MatchLabels)
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        return MatchExpressions.All(r => r.Matches(labels));
    }
}
