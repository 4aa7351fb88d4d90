namespace GardenerMetal.Mcm.Controller;

/// <summary>What one orphan sweep did.</summary>
/// <param name="Ran">False when it was skipped (cache not synced, seed API unreachable).</param>
/// <param name="Deleted">Provider IDs of the orphan VMs deleted.</param>
/// <param name="Reason">Why it was skipped, if it was.</param>
public sealed record OrphanSweepResult(bool Ran, IReadOnlyList<string> Deleted, string? Reason);
