namespace GardenerMetal.Extensions.Controllers;

/// <summary>
/// What an actuator reports back for a successful call. Failures are exceptions
/// (<see cref="Errors.ExtensionOperationException"/> carries Gardener error codes); requeueing is this explicit value.
/// </summary>
public sealed record ActuatorResult
{
    private ActuatorResult(bool completed, TimeSpan? requeueAfter, string? description, int? progress)
    {
        Completed = completed;
        RequeueAfter = requeueAfter;
        Description = description;
        Progress = progress;
    }

    /// <summary>The operation is complete (lastOperation becomes Succeeded).</summary>
    public bool Completed { get; }

    /// <summary>When to run again; null means only on the next trigger.</summary>
    public TimeSpan? RequeueAfter { get; }

    /// <summary>Optional description for lastOperation.</summary>
    public string? Description { get; }

    /// <summary>Progress (1-99) while the operation is still pending.</summary>
    public int? Progress { get; }

    /// <summary>The operation finished.</summary>
    public static ActuatorResult Done { get; } = new(true, null, null, null);

    /// <summary>The operation finished; run a periodic re-check after <paramref name="after"/>.</summary>
    public static ActuatorResult DoneRequeueAfter(TimeSpan after) => new(true, Positive(after), null, null);

    /// <summary>
    /// The operation is not finished yet (e.g. waiting for a machine): lastOperation stays Processing with
    /// <paramref name="description"/> and <paramref name="progress"/>, and the object is reconciled again after <paramref name="after"/>.
    /// </summary>
    public static ActuatorResult RequeueAfterDelay(TimeSpan after, string description, int progress = 50)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentOutOfRangeException.ThrowIfLessThan(progress, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(progress, 99);
        return new(false, Positive(after), description, progress);
    }

    private static TimeSpan Positive(TimeSpan after)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(after, TimeSpan.Zero);
        return after;
    }
}
