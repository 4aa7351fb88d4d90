using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.Core;

/// <summary>kubelet settings of a Shoot.</summary>
public sealed record KubeletConfig
{
    [JsonPropertyName("maxPods")] public int? MaxPods { get; init; }
}
