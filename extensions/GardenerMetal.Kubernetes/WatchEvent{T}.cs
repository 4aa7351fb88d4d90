using GardenerMetal.Kubernetes.Models;

namespace GardenerMetal.Kubernetes;

/// <summary>One event of a watch stream.</summary>
/// <typeparam name="T">The object type.</typeparam>
/// <param name="Type">ADDED, MODIFIED, DELETED, BOOKMARK or ERROR.</param>
/// <param name="Item">The object (for BOOKMARK only metadata.resourceVersion is meaningful); null for ERROR.</param>
/// <param name="Status">The error Status for ERROR events; null otherwise.</param>
public sealed record WatchEvent<T>(WatchEventType Type, T? Item, Status? Status)
    where T : class;
