namespace GardenerMetal.KubeEmulator.Selectors;

/// <summary>One term of a label selector: key, operator (=, !=, in, notin, exists, !) and values.</summary>
internal sealed record LabelRequirement(string Key, string Operator, IReadOnlyList<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            "exists" => has,
            "!" => !has,
            "=" or "in" => has && Values.Contains(value!),
            "!=" or "notin" => !has || !Values.Contains(value!),
            _ => false,
        };
    }
}
