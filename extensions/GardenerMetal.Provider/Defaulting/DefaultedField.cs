using System.Text.Json.Nodes;

namespace GardenerMetal.Provider.Defaulting;

/// <summary>One value the defaulter sets: the JSON member path from the object root and the value.</summary>
public sealed record DefaultedField(IReadOnlyList<string> Path, JsonNode Value)
{
    /// <summary>The RFC 6901 JSON pointer of <see cref="Path"/>.</summary>
    public string JsonPointer => "/" + string.Join("/", Path.Select(p => p.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));
}
