using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.Core;

/// <summary>kube-proxy settings of a Shoot.</summary>
public sealed record KubeProxyConfig
{
    [JsonPropertyName("enabled")] public bool? Enabled { get; init; }
}
