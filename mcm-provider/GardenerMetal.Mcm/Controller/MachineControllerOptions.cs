namespace GardenerMetal.Mcm.Controller;

/// <summary>Settings of the <see cref="MachineController"/>; the defaults are MCM's.</summary>
public sealed record MachineControllerOptions
{
    /// <summary>The namespace of Machines and MachineClasses (the shoot's seed namespace); null = all.</summary>
    public string? Namespace { get; init; }

    /// <summary>Retry after transient driver failures (Unknown, DeadlineExceeded, Aborted, Unavailable). MCM: 5 s.</summary>
    public TimeSpan ShortRetry { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Retry after other failures. MCM: 3 min.</summary>
    public TimeSpan MediumRetry { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Retry after ResourceExhausted (MCM <c>--resource-exhausted-retry</c>) and failed deletes. MCM: 10 min.</summary>
    public TimeSpan LongRetry { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a machine may take to be created before it is Failed. MCM: 20 min.</summary>
    public TimeSpan CreationTimeout { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>How often a Running machine's VM is checked. Default 1 min.</summary>
    public TimeSpan StatusCheckPeriod { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the orphan sweep runs (MCM <c>--machine-safety-orphan-vms-period</c>: 15 min).</summary>
    public TimeSpan OrphanSweepPeriod { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Timeout of one driver call. Default 5 min.</summary>
    public TimeSpan DriverCallTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a Running machine's VM must keep being reported missing before the machine is declared gone (phase
    /// Failed, replaced). One NotFound (a hiccup, a wrong route answering 404) never replaces a healthy machine.
    /// Default 1 min.
    /// </summary>
    public TimeSpan GoneGracePeriod { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How many consecutive confirmed NotFound answers (GetMachineStatus NotFound while ListMachines answers without the VM) declare a Running machine gone. Default 3.</summary>
    public int GoneConfirmations { get; init; } = 3;

    /// <summary>Concurrent reconciles. MCM: 10.</summary>
    public int Workers { get; init; } = 10;
}
