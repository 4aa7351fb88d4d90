using GardenerMetal.Kubernetes.Models;

namespace GardenerMetal.Extensions.Apis;

/// <summary>
/// What the generic reconciler needs from any extensions.gardener.cloud/v1alpha1 resource
/// (Infrastructure, ControlPlane, Worker, OperatingSystemConfig, ...). Metadata is the Kubernetes client's
/// <see cref="ObjectMeta"/>, so the typed client and informer work on these types directly.
/// </summary>
public interface IExtensionResource : IKubernetesObject
{
    /// <summary>The common spec part (type, class, providerConfig).</summary>
    DefaultSpec ExtensionSpec { get; }

    /// <summary>The common status part, or null when the object has no status yet.</summary>
    DefaultStatus? ExtensionStatus { get; }

    /// <summary>Returns the status, creating an empty one when missing.</summary>
    DefaultStatus EnsureStatus();
}
