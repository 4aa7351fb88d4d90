using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.Core;

/// <summary>kube-controller-manager settings of a Shoot.</summary>
public sealed record KubeControllerManagerConfig
{
    [JsonPropertyName("nodeCIDRMaskSize")] public int? NodeCidrMaskSize { get; init; }
}
