using System.Text.Json.Serialization;
using GardenerMetal.Kubernetes.Models;

namespace GardenerMetal.Mcm.Controller.Models;

/// <summary>A <c>machine.sapcloud.io/v1alpha1</c> Machine.</summary>
public sealed class Machine : KubernetesObjectBase
{
    /// <summary>Creates an empty Machine with apiVersion and kind set.</summary>
    public Machine()
    {
        ApiVersion = "machine.sapcloud.io/v1alpha1";
        Kind = "Machine";
    }

    /// <summary>The spec.</summary>
    [JsonPropertyName("spec")]
    public MachineSpec? Spec { get; set; }

    /// <summary>The status.</summary>
    [JsonPropertyName("status")]
    public MachineStatus? Status { get; set; }
}
