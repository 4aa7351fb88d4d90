using System.Text.Json;
using System.Text.Json.Serialization;
using GardenerMetal.Kubernetes.Models;

namespace GardenerMetal.Mcm.Controller.Models;

/// <summary>A <c>machine.sapcloud.io/v1alpha1</c> MachineClass (its fields are top-level, there is no spec).</summary>
public sealed class MachineClass : KubernetesObjectBase
{
    /// <summary>Creates an empty MachineClass with apiVersion and kind set.</summary>
    public MachineClass()
    {
        ApiVersion = "machine.sapcloud.io/v1alpha1";
        Kind = "MachineClass";
    }

    /// <summary>The provider-specific spec (for metal: <c>MetalProviderSpec</c> JSON).</summary>
    [JsonPropertyName("providerSpec")]
    public JsonElement? ProviderSpec { get; set; }

    /// <summary>The Secret with userData (and possibly credentials).</summary>
    [JsonPropertyName("secretRef")]
    public SecretReference? SecretRef { get; set; }

    /// <summary>The Secret with the credentials; merged over secretRef.</summary>
    [JsonPropertyName("credentialsSecretRef")]
    public SecretReference? CredentialsSecretRef { get; set; }

    /// <summary>The provider name (metal).</summary>
    [JsonPropertyName("provider")]
    public string? Provider { get; set; }
}
