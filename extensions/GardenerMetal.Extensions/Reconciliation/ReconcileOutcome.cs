using GardenerMetal.Extensions.Errors;

namespace GardenerMetal.Extensions.Reconciliation;

/// <summary>What one reconcile run asks of the work queue.</summary>
public sealed record ReconcileOutcome
{
    /// <summary>Nothing more to do until the next trigger.</summary>
    public static ReconcileOutcome Done { get; } = new();

    /// <summary>Run again after this delay (explicit requeue; resets the key's backoff).</summary>
    public TimeSpan? RequeueAfter { get; init; }

    /// <summary>The failure; the work queue retries the key with exponential backoff.</summary>
    public ErrorClassification? Error { get; init; }

    /// <summary>Why the object was skipped, if it was (wrong type, failed shoot, migrated, gone).</summary>
    public string? Skipped { get; init; }

    /// <summary>The operation that ran, if any.</summary>
    public Apis.LastOperationType? Operation { get; init; }
}
