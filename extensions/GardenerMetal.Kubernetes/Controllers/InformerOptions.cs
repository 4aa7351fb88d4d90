namespace GardenerMetal.Kubernetes.Controllers;

/// <summary>What an <see cref="Informer{T}"/> watches and how often it resyncs.</summary>
public sealed record InformerOptions
{
    /// <summary>Namespace to watch; null for all namespaces (or a cluster-scoped resource).</summary>
    public string? Namespace { get; init; }

    /// <summary>Label selector applied server-side.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>Field selector applied server-side.</summary>
    public string? FieldSelector { get; init; }

    /// <summary>Every this often, every cached object is re-delivered as an update (old == new); null disables.</summary>
    public TimeSpan? ResyncPeriod { get; init; }

    /// <summary>Page size of the initial list and of relists.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Server-side timeout of one watch request; the informer re-watches from the last resourceVersion.</summary>
    public TimeSpan WatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Drop <c>metadata.managedFields</c> before caching (saves memory; default true).</summary>
    public bool DropManagedFields { get; init; } = true;
}
