using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.Core;

/// <summary>A CloudProfile region and its zones (metal partitions).</summary>
public sealed record Region
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("zones")] public IReadOnlyList<Zone>? Zones { get; init; }
}
