namespace GardenerMetal.McmStandIn;

/// <summary>Settings of the <see cref="MachineDeploymentStandIn"/>.</summary>
public sealed record McmStandInOptions
{
    /// <summary>Namespace to watch; null watches all namespaces (like MCM in a seed watching one shoot namespace each).</summary>
    public string? Namespace { get; init; }

    /// <summary>How long a reconcile waits for its own Machine creations/deletions to show up in the cache before acting again.</summary>
    public TimeSpan ExpectationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Parallel reconciles (one MachineDeployment is never reconciled twice at once).</summary>
    public int Workers { get; init; } = 2;
}
