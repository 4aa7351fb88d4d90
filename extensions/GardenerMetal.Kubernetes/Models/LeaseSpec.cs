using System.Text.Json;
using System.Text.Json.Serialization;
using GardenerMetal.Kubernetes.Serialization;

namespace GardenerMetal.Kubernetes.Models;

/// <summary>coordination.k8s.io/v1 LeaseSpec.</summary>
public sealed class LeaseSpec
{
    /// <summary>Identity of the current holder; null or empty when released.</summary>
    [JsonPropertyName("holderIdentity")]
    public string? HolderIdentity { get; set; }

    /// <summary>How long candidates wait after the last renewal before taking over.</summary>
    [JsonPropertyName("leaseDurationSeconds")]
    public int? LeaseDurationSeconds { get; set; }

    /// <summary>When the current holder acquired the lease (MicroTime).</summary>
    [JsonPropertyName("acquireTime")]
    [JsonConverter(typeof(MicroTimeConverter))]
    public DateTimeOffset? AcquireTime { get; set; }

    /// <summary>When the holder last renewed the lease (MicroTime).</summary>
    [JsonPropertyName("renewTime")]
    [JsonConverter(typeof(MicroTimeConverter))]
    public DateTimeOffset? RenewTime { get; set; }

    /// <summary>How often the lease changed holders.</summary>
    [JsonPropertyName("leaseTransitions")]
    public int? LeaseTransitions { get; set; }

    /// <summary>Unmodelled fields (preferredHolder, strategy).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
