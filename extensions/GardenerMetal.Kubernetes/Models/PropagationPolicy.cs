namespace GardenerMetal.Kubernetes.Models;

/// <summary>Values for <see cref="DeleteOptions.PropagationPolicy"/>.</summary>
public static class PropagationPolicy
{
    /// <summary>Dependents are orphaned (ownerReferences removed).</summary>
    public const string Orphan = "Orphan";

    /// <summary>The owner is deleted at once; the garbage collector removes dependents afterwards.</summary>
    public const string Background = "Background";

    /// <summary>The owner stays (with deletionTimestamp) until blocking dependents are gone.</summary>
    public const string Foreground = "Foreground";
}
