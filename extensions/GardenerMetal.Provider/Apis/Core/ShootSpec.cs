using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.Core;

/// <summary>The Shoot spec subset.</summary>
public sealed record ShootSpec
{
    [JsonPropertyName("cloudProfileName")] public string? CloudProfileName { get; init; }
    [JsonPropertyName("cloudProfile")] public CloudProfileReference? CloudProfile { get; init; }
    [JsonPropertyName("region")] public string? Region { get; init; }
    [JsonPropertyName("secretBindingName")] public string? SecretBindingName { get; init; }
    [JsonPropertyName("credentialsBindingName")] public string? CredentialsBindingName { get; init; }
    [JsonPropertyName("provider")] public ShootProvider Provider { get; init; } = new();
    [JsonPropertyName("networking")] public ShootNetworking? Networking { get; init; }
    [JsonPropertyName("kubernetes")] public ShootKubernetes? Kubernetes { get; init; }
    [JsonPropertyName("purpose")] public string? Purpose { get; init; }

    /// <summary>The referenced (cluster-scoped) CloudProfile name: <c>cloudProfile.name</c>, else the legacy <c>cloudProfileName</c>.</summary>
    [JsonIgnore]
    public string? EffectiveCloudProfileName => CloudProfile?.Name is { Length: > 0 } name ? name : CloudProfileName;
}
