namespace GardenerMetal.McmStandIn;

/// <summary>The outcome of one rollout step.</summary>
/// <param name="NewReplicas">Target <c>spec.replicas</c> of the MachineSet of the current template.</param>
/// <param name="OldReplicas">Target <c>spec.replicas</c> per old MachineSet.</param>
/// <param name="Delete">Old MachineSets with nothing left in them, to delete.</param>
public sealed record RolloutPlan(int NewReplicas, IReadOnlyDictionary<string, int> OldReplicas, IReadOnlyList<string> Delete);
