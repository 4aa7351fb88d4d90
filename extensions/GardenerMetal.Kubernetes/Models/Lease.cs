using System.Text.Json.Serialization;

namespace GardenerMetal.Kubernetes.Models;

/// <summary>coordination.k8s.io/v1 Lease, used for leader election.</summary>
public sealed class Lease : KubernetesObjectBase
{
    /// <summary>Creates an empty Lease with its type meta set.</summary>
    public Lease()
    {
        ApiVersion = "coordination.k8s.io/v1";
        Kind = "Lease";
    }

    /// <summary>The lease's holder and timing.</summary>
    [JsonPropertyName("spec")]
    public LeaseSpec? Spec { get; set; }
}
