namespace GardenerMetal.McmStandIn;

/// <summary>What the rollout needs to know about one MachineSet.</summary>
/// <param name="Name">MachineSet name.</param>
/// <param name="Replicas">Its <c>spec.replicas</c>.</param>
/// <param name="Machines">Machines it owns that are not being deleted.</param>
/// <param name="Available">Of those, Machines in phase Running.</param>
public sealed record MachineSetState(string Name, int Replicas, int Machines, int Available);
