using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>One matchExpressions entry of a <see cref="HostSelector"/>.</summary>
public sealed record HostSelectorRequirement
{
    [JsonPropertyName("key")] public string? Key { get; init; }
    /// <summary>In, NotIn, Exists or DoesNotExist.</summary>
    [JsonPropertyName("operator")] public string? Operator { get; init; }
    [JsonPropertyName("values")] public IReadOnlyList<string>? Values { get; init; }
}
