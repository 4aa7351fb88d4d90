using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.Core;

/// <summary>A Shoot's <c>spec.networking</c>.</summary>
public sealed record ShootNetworking
{
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("pods")] public string? Pods { get; init; }
    [JsonPropertyName("nodes")] public string? Nodes { get; init; }
    [JsonPropertyName("services")] public string? Services { get; init; }
    [JsonPropertyName("providerConfig")] public JsonElement? ProviderConfig { get; init; }
}
