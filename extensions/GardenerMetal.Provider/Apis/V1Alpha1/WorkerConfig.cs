using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>
/// A worker pool's <c>providerConfig</c> (kind WorkerConfig). Ours: upstream has none.
/// </summary>
public sealed record WorkerConfig
{
    [JsonPropertyName("apiVersion")] public string? ApiVersion { get; init; }
    [JsonPropertyName("kind")] public string? Kind { get; init; }
    /// <summary>Node roles (master, etcd, infra, node, bootstrap, …): label <c>node-role.kubernetes.io/&lt;role&gt;</c>; dedicated roles also taint NoSchedule.</summary>
    [JsonPropertyName("roles")] public IReadOnlyList<string>? Roles { get; init; }
    /// <summary>Selects the machines of the pool by their metal tags (<c>key=value</c>), like a LabelSelector.</summary>
    [JsonPropertyName("hostSelector")] public HostSelector? HostSelector { get; init; }
    /// <summary>Extra metal networks (IDs) the pool's machines are attached to.</summary>
    [JsonPropertyName("networks")] public IReadOnlyList<string>? Networks { get; init; }
}
