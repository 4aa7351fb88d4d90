using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Controllers.Worker;

/// <summary>
/// What the actuator keeps in <c>status.state</c> so that a restore on another seed re-creates the pools with the
/// same machine class names (no rolling, upstream provider-metal #462), the same replicas, and the MachineSets and
/// Machines that MCM adopts (the metal driver finds the allocated machines again by name and cluster tag).
/// </summary>
public sealed record WorkerState
{
    /// <summary>Per MachineDeployment name.</summary>
    [JsonPropertyName("machineDeployments")] public IReadOnlyDictionary<string, MachineDeploymentState>? MachineDeployments { get; init; }
}
