using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.Core;

/// <summary>A Shoot's <c>spec.provider</c>.</summary>
public sealed record ShootProvider
{
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("infrastructureConfig")] public JsonElement? InfrastructureConfig { get; init; }
    [JsonPropertyName("controlPlaneConfig")] public JsonElement? ControlPlaneConfig { get; init; }
    [JsonPropertyName("workers")] public IReadOnlyList<Worker>? Workers { get; init; }
}
