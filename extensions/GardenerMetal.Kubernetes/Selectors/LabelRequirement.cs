using System.Text;

namespace GardenerMetal.Kubernetes.Selectors;

/// <summary>One requirement of a <see cref="LabelSelector"/>.</summary>
/// <param name="Key">The label key.</param>
/// <param name="Operator">The operator.</param>
/// <param name="Values">The values (one for Equal/NotEqual, one or more for In/NotIn, none for Exists/DoesNotExist).</param>
public sealed record LabelRequirement(string Key, LabelOperator Operator, IReadOnlyList<string> Values)
{
    /// <summary>Whether <paramref name="labels"/> satisfy this requirement.</summary>
    /// <param name="labels">An object's labels (null means none).</param>
    /// <returns>True when satisfied.</returns>
    public bool Matches(IDictionary<string, string>? labels)
    {
        string? value = null;
        var has = labels is not null && labels.TryGetValue(Key, out value);
        return Operator switch
        {
            LabelOperator.Equal => has && value == Values[0],
            LabelOperator.NotEqual => !has || value != Values[0],
            LabelOperator.In => has && Values.Contains(value!),
            LabelOperator.NotIn => !has || !Values.Contains(value!),
            LabelOperator.Exists => has,
            LabelOperator.DoesNotExist => !has,
            _ => false,
        };
    }

    /// <summary>The requirement in selector syntax, e.g. <c>tier in (a,b)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Operator switch
    {
        LabelOperator.Equal => $"{Key}={Values[0]}",
        LabelOperator.NotEqual => $"{Key}!={Values[0]}",
        LabelOperator.In => new StringBuilder(Key).Append(" in (").AppendJoin(',', Values).Append(')').ToString(),
        LabelOperator.NotIn => new StringBuilder(Key).Append(" notin (").AppendJoin(',', Values).Append(')').ToString(),
        LabelOperator.Exists => Key,
        LabelOperator.DoesNotExist => "!" + Key,
        _ => Key,
    };
}
