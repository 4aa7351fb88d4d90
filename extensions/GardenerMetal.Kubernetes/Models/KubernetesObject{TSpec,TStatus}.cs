using System.Text.Json.Serialization;

namespace GardenerMetal.Kubernetes.Models;

/// <summary>
/// A generic custom resource with <c>spec</c> and <c>status</c>. Use it directly
/// (<c>KubernetesObject&lt;InfrastructureSpec, InfrastructureStatus&gt;</c>) or derive a named class,
/// and add the closed type to your own <see cref="JsonSerializerContext"/>.
/// </summary>
/// <typeparam name="TSpec">The spec type.</typeparam>
/// <typeparam name="TStatus">The status type.</typeparam>
public class KubernetesObject<TSpec, TStatus> : KubernetesObjectBase
    where TSpec : class
    where TStatus : class
{
    /// <summary>Desired state.</summary>
    [JsonPropertyName("spec")]
    public TSpec? Spec { get; set; }

    /// <summary>Observed state; written through the status subresource.</summary>
    [JsonPropertyName("status")]
    public TStatus? Status { get; set; }
}
