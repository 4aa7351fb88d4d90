namespace GardenerMetal.Mcm.Metal;

/// <summary>One <c>matchExpressions</c> entry: <c>In</c>, <c>NotIn</c>, <c>Exists</c> or <c>DoesNotExist</c>.</summary>
public sealed record MetalHostSelectorRequirement
{
    /// <summary>The label key.</summary>
    public required string Key { get; init; }

    /// <summary>In, NotIn, Exists or DoesNotExist.</summary>
    public required string Operator { get; init; }

    /// <summary>The values for In / NotIn.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    internal bool Matches(IReadOnlyDictionary<string, string> labels) => Operator switch
    {
        "In" => labels.TryGetValue(Key, out var v) && Values.Contains(v),
        "NotIn" => !labels.TryGetValue(Key, out var v) || !Values.Contains(v),
        "Exists" => labels.ContainsKey(Key),
        "DoesNotExist" => !labels.ContainsKey(Key),
        _ => false,
    };
}
