using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.Core;

/// <summary>The CloudProfile spec subset.</summary>
public sealed record CloudProfileSpec
{
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("providerConfig")] public JsonElement? ProviderConfig { get; init; }
    [JsonPropertyName("regions")] public IReadOnlyList<Region>? Regions { get; init; }
    [JsonPropertyName("machineImages")] public IReadOnlyList<CloudProfileMachineImage>? MachineImages { get; init; }
    [JsonPropertyName("machineTypes")] public IReadOnlyList<MachineType>? MachineTypes { get; init; }
}
