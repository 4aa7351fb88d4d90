namespace GardenerMetal.Kubernetes.Models;

/// <summary>
/// A Kubernetes object with type meta and <see cref="ObjectMeta"/>. Every typed model implements it;
/// the client, informer and event recorder use it to find an object's namespace, name and resourceVersion.
/// </summary>
public interface IKubernetesObject
{
    /// <summary>The <c>apiVersion</c>, e.g. <c>v1</c> or <c>coordination.k8s.io/v1</c>.</summary>
    string? ApiVersion { get; set; }

    /// <summary>The <c>kind</c>, e.g. <c>Secret</c>.</summary>
    string? Kind { get; set; }

    /// <summary>The object's metadata; never null after deserialization by this client.</summary>
    ObjectMeta Metadata { get; set; }
}
