using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>A machine image name/version and the metal image ID it maps to.</summary>
public sealed record MachineImage
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("version")] public string? Version { get; init; }
    [JsonPropertyName("image")] public string? Image { get; init; }
}
