using GardenerMetal.Kubernetes.Models;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>Base of the typed extension resources: apiVersion, kind, metadata, spec and status.</summary>
/// <typeparam name="TSpec">The kind's spec.</typeparam>
/// <typeparam name="TStatus">The kind's status.</typeparam>
public abstract class ExtensionResource<TSpec, TStatus> : KubernetesObjectBase, IExtensionResource
    where TSpec : DefaultSpec, new()
    where TStatus : DefaultStatus, new()
{
    /// <summary>The API group/version of every extension resource.</summary>
    public const string GroupVersion = "extensions.gardener.cloud/v1alpha1";

    public TSpec Spec { get; set; } = new();
    public TStatus? Status { get; set; }

    [JsonIgnore]
    DefaultSpec IExtensionResource.ExtensionSpec => Spec;

    [JsonIgnore]
    DefaultStatus? IExtensionResource.ExtensionStatus => Status;

    DefaultStatus IExtensionResource.EnsureStatus() => EnsureStatus();

    /// <summary>Returns the status, creating an empty one when missing.</summary>
    public TStatus EnsureStatus() => Status ??= new TStatus();
}
