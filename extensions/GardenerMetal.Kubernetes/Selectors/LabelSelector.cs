using System.Collections.Immutable;

namespace GardenerMetal.Kubernetes.Selectors;

/// <summary>
/// A label selector in Kubernetes syntax (<c>app=web,tier in (a,b),!legacy</c>): parse it, build it
/// fluently, match it locally (informer caches), and pass <see cref="ToString"/> to list/watch.
/// Example: <c>LabelSelector.Everything.Equal("app", "web").Exists("tier").ToString()</c>.
/// </summary>
public sealed class LabelSelector
{
    private LabelSelector(ImmutableList<LabelRequirement> requirements) => Requirements = requirements;

    /// <summary>The empty selector, which matches every object.</summary>
    public static LabelSelector Everything { get; } = new([]);

    /// <summary>The requirements; all must hold.</summary>
    public IReadOnlyList<LabelRequirement> Requirements { get; }

    /// <summary>A selector requiring every pair of <paramref name="matchLabels"/>.</summary>
    /// <param name="matchLabels">Key/value pairs.</param>
    /// <returns>The selector.</returns>
    public static LabelSelector FromMatchLabels(IEnumerable<KeyValuePair<string, string>> matchLabels)
    {
        ArgumentNullException.ThrowIfNull(matchLabels);
        var selector = Everything;
        foreach (var (key, value) in matchLabels.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            selector = selector.Equal(key, value);
        }

        return selector;
    }

    /// <summary>Parses selector syntax; throws <see cref="FormatException"/> naming the offending position.</summary>
    /// <param name="text">Selector text; empty means everything.</param>
    /// <returns>The selector.</returns>
    public static LabelSelector Parse(string? text)
        => string.IsNullOrWhiteSpace(text) ? Everything : new LabelSelector([.. new LabelSelectorParser(text).Parse()]);

    /// <summary>Adds <c>key=value</c>.</summary>
    /// <param name="key">Label key.</param>
    /// <param name="value">Label value.</param>
    /// <returns>A new selector.</returns>
    public LabelSelector Equal(string key, string value) => With(key, LabelOperator.Equal, value);

    /// <summary>Adds <c>key!=value</c>.</summary>
    /// <param name="key">Label key.</param>
    /// <param name="value">Label value.</param>
    /// <returns>A new selector.</returns>
    public LabelSelector NotEqual(string key, string value) => With(key, LabelOperator.NotEqual, value);

    /// <summary>Adds <c>key in (values)</c>.</summary>
    /// <param name="key">Label key.</param>
    /// <param name="values">At least one value.</param>
    /// <returns>A new selector.</returns>
    public LabelSelector In(string key, params string[] values) => With(key, LabelOperator.In, values);

    /// <summary>Adds <c>key notin (values)</c>.</summary>
    /// <param name="key">Label key.</param>
    /// <param name="values">At least one value.</param>
    /// <returns>A new selector.</returns>
    public LabelSelector NotIn(string key, params string[] values) => With(key, LabelOperator.NotIn, values);

    /// <summary>Adds <c>key</c> (the label exists).</summary>
    /// <param name="key">Label key.</param>
    /// <returns>A new selector.</returns>
    public LabelSelector Exists(string key) => With(key, LabelOperator.Exists);

    /// <summary>Adds <c>!key</c> (the label does not exist).</summary>
    /// <param name="key">Label key.</param>
    /// <returns>A new selector.</returns>
    public LabelSelector DoesNotExist(string key) => With(key, LabelOperator.DoesNotExist);

    /// <summary>Whether <paramref name="labels"/> satisfy every requirement.</summary>
    /// <param name="labels">An object's labels (null means none).</param>
    /// <returns>True when matched.</returns>
    public bool Matches(IDictionary<string, string>? labels)
    {
        foreach (var requirement in Requirements)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The selector in Kubernetes syntax (empty for <see cref="Everything"/>).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Join(',', Requirements);

    private LabelSelector With(string key, LabelOperator op, params string[] values)
    {
        LabelSyntax.ValidateKey(key, nameof(key));
        foreach (var value in values)
        {
            LabelSyntax.ValidateValue(value, nameof(values));
        }

        if (op is LabelOperator.In or LabelOperator.NotIn && values.Length == 0)
        {
            throw new ArgumentException($"Label selector '{key}': {op} needs at least one value.", nameof(values));
        }

        return new LabelSelector(((ImmutableList<LabelRequirement>)Requirements).Add(new LabelRequirement(key, op, [.. values])));
    }
}
