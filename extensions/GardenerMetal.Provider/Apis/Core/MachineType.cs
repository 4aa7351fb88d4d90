using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.Core;

/// <summary>A machine type (metal size) offered by a CloudProfile.</summary>
public sealed record MachineType
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("usable")] public bool? Usable { get; init; }
}
