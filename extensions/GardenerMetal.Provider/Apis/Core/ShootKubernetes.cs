using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.Core;

/// <summary>A Shoot's <c>spec.kubernetes</c> subset.</summary>
public sealed record ShootKubernetes
{
    [JsonPropertyName("version")] public string? Version { get; init; }
    [JsonPropertyName("kubeControllerManager")] public KubeControllerManagerConfig? KubeControllerManager { get; init; }
    [JsonPropertyName("kubelet")] public KubeletConfig? Kubelet { get; init; }
    [JsonPropertyName("kubeProxy")] public KubeProxyConfig? KubeProxy { get; init; }
}
