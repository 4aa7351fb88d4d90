using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.Core;

/// <summary>The provider type of a binding.</summary>
public sealed record BindingProvider
{
    [JsonPropertyName("type")] public string? Type { get; init; }
}
