namespace GardenerMetal.Mcm.Hosting;

/// <summary>
/// Leader election of the machine controller (a coordination.k8s.io/v1 Lease): only the replica holding the Lease
/// runs the controller and its orphan sweep; the gRPC driver service serves on every replica.
/// </summary>
public sealed record MachineControllerLeaderElection
{
    /// <summary>The default Lease name (<c>--leader-election-id</c>).</summary>
    public const string DefaultLeaseName = "machine-controller-manager-provider-metal";

    /// <summary>Whether the controller waits for the Lease (<c>--leader-election</c>, default true).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The Lease name (<c>--leader-election-id</c>).</summary>
    public string LeaseName { get; init; } = DefaultLeaseName;

    /// <summary>
    /// The Lease namespace (<c>--leader-election-namespace</c>); null: the controller's <c>--namespace</c>, else the
    /// kubeconfig context's (or in-cluster) namespace.
    /// </summary>
    public string? Namespace { get; init; }

    /// <summary>This replica's identity in the Lease: <c>$POD_NAME</c> (else the host name) plus a random suffix.</summary>
    public string Identity { get; init; } = (Environment.GetEnvironmentVariable("POD_NAME") ?? Environment.MachineName) + "_" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>How long standby replicas wait after the last renewal before taking over (client-go default 15 s).</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader retries a failed renewal before it stops the controller (default 10 s).</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Interval between acquire/renew attempts (default 2 s).</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);
}
