using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.Core;

/// <summary>An availability zone.</summary>
public sealed record Zone
{
    [JsonPropertyName("name")] public string? Name { get; init; }
}
