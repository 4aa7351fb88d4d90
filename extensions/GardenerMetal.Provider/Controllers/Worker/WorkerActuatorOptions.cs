using GardenerMetal.Provider.Apis.V1Alpha1;

namespace GardenerMetal.Provider.Controllers.Worker;

/// <summary>Settings of the Worker actuator.</summary>
public sealed record WorkerActuatorOptions
{
    /// <summary>
    /// The operator's image mapping (upstream ControllerConfiguration <c>machineImages</c>: name, version → metal image ID).
    /// Pools whose image is not listed here use the metal-stack naming <c>&lt;name&gt;-&lt;version&gt;</c> when the
    /// CloudProfile offers that name and version.
    /// </summary>
    public IReadOnlyList<MachineImage> MachineImages { get; init; } = [];

    /// <summary>How long to wait before looking again while deletion waits for MCM to remove machines. Default 10 s.</summary>
    public TimeSpan DeletionPollInterval { get; init; } = TimeSpan.FromSeconds(10);
}
