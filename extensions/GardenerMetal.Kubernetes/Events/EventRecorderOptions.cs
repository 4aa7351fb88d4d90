namespace GardenerMetal.Kubernetes.Events;

/// <summary>Who reports events.</summary>
public sealed record EventRecorderOptions
{
    /// <summary>Reporting component, e.g. <c>gardener-extension-provider-metal</c> (source.component and reportingComponent).</summary>
    public required string Component { get; init; }

    /// <summary>Host (node) name, optional.</summary>
    public string? Host { get; init; }

    /// <summary>Reporting instance (pod name), optional.</summary>
    public string? Instance { get; init; }

    /// <summary>How many distinct events are remembered for count aggregation.</summary>
    public int CacheSize { get; init; } = 4096;
}
