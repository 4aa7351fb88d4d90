using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.Core;

/// <summary>core.gardener.cloud/v1beta1 Shoot (the subset this provider reads; unknown fields are ignored).</summary>
public sealed record Shoot
{
    [JsonPropertyName("apiVersion")] public string? ApiVersion { get; init; }
    [JsonPropertyName("kind")] public string? Kind { get; init; }
    [JsonPropertyName("metadata")] public ObjectMeta Metadata { get; init; } = new();
    [JsonPropertyName("spec")] public ShootSpec Spec { get; init; } = new();
    [JsonPropertyName("status")] public JsonElement? Status { get; init; }
}
