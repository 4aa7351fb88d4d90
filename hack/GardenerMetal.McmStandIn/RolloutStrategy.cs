namespace GardenerMetal.McmStandIn;

/// <summary>A MachineDeployment's <c>spec.strategy</c>, resolved against its replica count.</summary>
/// <param name="Recreate">True for <c>type: Recreate</c> (old Machines go before new ones come).</param>
/// <param name="MaxSurge">Machines allowed above the desired count during a rolling update.</param>
/// <param name="MaxUnavailable">Machines allowed below the desired count during a rolling update.</param>
public sealed record RolloutStrategy(bool Recreate, int MaxSurge, int MaxUnavailable);
