using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.Core;

/// <summary>core.gardener.cloud/v1beta1 SecretBinding (subset).</summary>
public sealed record SecretBinding
{
    [JsonPropertyName("apiVersion")] public string? ApiVersion { get; init; }
    [JsonPropertyName("kind")] public string? Kind { get; init; }
    [JsonPropertyName("metadata")] public ObjectMeta Metadata { get; init; } = new();
    [JsonPropertyName("secretRef")] public SecretReference? SecretRef { get; init; }
    [JsonPropertyName("provider")] public BindingProvider? Provider { get; init; }
}
