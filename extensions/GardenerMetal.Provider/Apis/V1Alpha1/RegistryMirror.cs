using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>A container registry mirror for isolated shoots.</summary>
public sealed record RegistryMirror
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("endpoint")] public string? Endpoint { get; init; }
    [JsonPropertyName("ip")] public string? Ip { get; init; }
    [JsonPropertyName("port")] public int Port { get; init; }
    [JsonPropertyName("mirrorOf")] public IReadOnlyList<string>? MirrorOf { get; init; }
}
