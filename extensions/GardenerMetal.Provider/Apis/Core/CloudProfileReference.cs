using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.Core;

/// <summary>A Shoot's reference to its (Namespaced)CloudProfile.</summary>
public sealed record CloudProfileReference
{
    [JsonPropertyName("kind")] public string? Kind { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
}
