namespace GardenerMetal.Kubernetes.LeaderElection;

/// <summary>
/// Lease-based leader election settings (client-go leaderelection). Defaults match controller-runtime:
/// 15 s lease, 10 s renew deadline, 2 s retry period.
/// </summary>
public sealed record LeaderElectionOptions
{
    /// <summary>Namespace of the coordination.k8s.io/v1 Lease.</summary>
    public required string LeaseNamespace { get; init; }

    /// <summary>Name of the Lease (one per controller that must run once).</summary>
    public required string LeaseName { get; init; }

    /// <summary>This candidate's unique identity (e.g. pod name + random suffix).</summary>
    public required string Identity { get; init; }

    /// <summary>How long non-leaders wait after the last observed renewal before taking over.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps retrying a failed renewal before it gives up leadership.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Interval between acquire/renew attempts.</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Release the lease (empty holder) when the run is cancelled, so a successor takes over at once.</summary>
    public bool ReleaseOnCancel { get; init; } = true;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(LeaseNamespace, nameof(LeaseNamespace));
        ArgumentException.ThrowIfNullOrWhiteSpace(LeaseName, nameof(LeaseName));
        ArgumentException.ThrowIfNullOrWhiteSpace(Identity, nameof(Identity));
        if (LeaseDuration < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException("LeaseDuration must be at least 1 second (the Lease stores whole seconds).", nameof(LeaseDuration));
        }

        if (RenewDeadline >= LeaseDuration)
        {
            throw new ArgumentException("RenewDeadline must be shorter than LeaseDuration.", nameof(RenewDeadline));
        }

        if (RetryPeriod <= TimeSpan.Zero || RetryPeriod * 1.2 >= RenewDeadline)
        {
            throw new ArgumentException("RetryPeriod must be positive and RenewDeadline greater than 1.2 × RetryPeriod.", nameof(RetryPeriod));
        }
    }
}
