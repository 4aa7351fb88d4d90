namespace GardenerMetal.Kubernetes.Models;

/// <summary>One page of a list call.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="Metadata">resourceVersion (to start a watch from) and the continue token.</param>
public sealed record KubernetesList<T>(IReadOnlyList<T> Items, ListMeta Metadata);
