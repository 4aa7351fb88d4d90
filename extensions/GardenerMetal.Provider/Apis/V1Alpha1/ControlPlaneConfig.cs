using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>The Shoot's <c>spec.provider.controlPlaneConfig</c> (kind ControlPlaneConfig).</summary>
public sealed record ControlPlaneConfig
{
    [JsonPropertyName("apiVersion")] public string? ApiVersion { get; init; }
    [JsonPropertyName("kind")] public string? Kind { get; init; }
    [JsonPropertyName("cloudControllerManager")] public CloudControllerManagerConfig? CloudControllerManager { get; init; }
    [JsonPropertyName("featureGates")] public ControlPlaneFeatures? FeatureGates { get; init; }
    [JsonPropertyName("customDefaultStorageClass")] public CustomDefaultStorageClass? CustomDefaultStorageClass { get; init; }
    /// <summary>baseline (default), restricted or forbidden; see <see cref="NetworkAccessTypes"/>.</summary>
    [JsonPropertyName("networkAccessType")] public string? NetworkAccessType { get; init; }
}
