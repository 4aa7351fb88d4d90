using System.Text.Json.Serialization;

namespace GardenerMetal.Kubernetes.Models;

/// <summary>core/v1 Namespace (cluster-scoped). Its spec is round-tripped through extension data.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "The type is named after the Kubernetes kind; consumers are C#.")]
public sealed class Namespace : KubernetesObjectBase
{
    /// <summary>Creates an empty Namespace with its type meta set.</summary>
    public Namespace()
    {
        ApiVersion = "v1";
        Kind = "Namespace";
    }

    /// <summary>Observed state (phase).</summary>
    [JsonPropertyName("status")]
    public NamespaceStatus? Status { get; set; }
}
