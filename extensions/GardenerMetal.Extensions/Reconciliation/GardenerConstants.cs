namespace GardenerMetal.Extensions.Reconciliation;

/// <summary>Annotation names and values of the Gardener extension contract.</summary>
public static class GardenerConstants
{
    /// <summary>The operation annotation Gardener sets on extension resources.</summary>
    public const string OperationAnnotation = "gardener.cloud/operation";

    /// <summary>Reconcile now; removed by the extension at the start of the reconcile.</summary>
    public const string OperationReconcile = "reconcile";

    /// <summary>Migrate; removed by the extension at the end of the migration.</summary>
    public const string OperationMigrate = "migrate";

    /// <summary>Restore; removed by the extension at the end of the restoration.</summary>
    public const string OperationRestore = "restore";

    /// <summary>Shoot annotation that confirms force deletion (then actuators' ForceDelete runs).</summary>
    public const string ForceDeletionAnnotation = "confirmation.gardener.cloud/force-deletion";

    /// <summary>The extension finalizer for a kind: <c>extensions.gardener.cloud/&lt;kind in lower case&gt;</c>.</summary>
    public static string FinalizerFor(string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        return "extensions.gardener.cloud/" + kind.ToLowerInvariant();
    }
}
