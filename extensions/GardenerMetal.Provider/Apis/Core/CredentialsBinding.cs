using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.Core;

/// <summary>security.gardener.cloud/v1alpha1 CredentialsBinding (subset).</summary>
public sealed record CredentialsBinding
{
    [JsonPropertyName("apiVersion")] public string? ApiVersion { get; init; }
    [JsonPropertyName("kind")] public string? Kind { get; init; }
    [JsonPropertyName("metadata")] public ObjectMeta Metadata { get; init; } = new();
    [JsonPropertyName("credentialsRef")] public CredentialsReference? CredentialsRef { get; init; }
    [JsonPropertyName("provider")] public BindingProvider? Provider { get; init; }
}
