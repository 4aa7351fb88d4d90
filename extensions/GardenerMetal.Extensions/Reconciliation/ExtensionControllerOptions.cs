namespace GardenerMetal.Extensions.Reconciliation;

/// <summary>Runtime settings of one extension controller.</summary>
public sealed record ExtensionControllerOptions
{
    /// <summary>How many keys are reconciled at the same time (<c>--max-concurrent-reconciles</c>).</summary>
    public int MaxConcurrentReconciles { get; init; } = 5;

    /// <summary>First retry delay after an error; doubles per consecutive failure of the same key.</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of the per-key backoff.</summary>
    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long in-flight reconciles may finish after shutdown was requested before they are cancelled.</summary>
    public TimeSpan ShutdownGracePeriod { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks the settings; throws naming the bad one.</summary>
    public void Validate()
    {
        if (MaxConcurrentReconciles < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrentReconciles), MaxConcurrentReconciles, "max-concurrent-reconciles must be at least 1.");
        }

        if (BackoffBase <= TimeSpan.Zero || BackoffMax < BackoffBase)
        {
            throw new ArgumentOutOfRangeException(nameof(BackoffBase), BackoffBase, "backoff base must be positive and not above the backoff maximum.");
        }
    }
}
