using GardenerMetal.Kubernetes.Models;
using GardenerMetal.Extensions.Apis;

namespace GardenerMetal.Extensions.Reconciliation;

/// <summary>Gardener's rules for which operation a resource needs (v1beta1helper.ComputeOperationType and friends).</summary>
public static class OperationTypes
{
    /// <summary>The operation for the object's annotations, deletion timestamp and last operation.</summary>
    public static LastOperationType Compute(ObjectMeta metadata, LastOperation? lastOperation)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var annotation = metadata.GetAnnotation(GardenerConstants.OperationAnnotation);
        return true switch
        {
            _ when annotation == GardenerConstants.OperationMigrate => LastOperationType.Migrate,
            _ when metadata.DeletionTimestamp is not null => LastOperationType.Delete,
            _ when annotation == GardenerConstants.OperationRestore => LastOperationType.Restore,
            _ when lastOperation is null => LastOperationType.Create,
            _ when lastOperation.State != LastOperationState.Succeeded && lastOperation.Type
                is LastOperationType.Create or LastOperationType.Migrate or LastOperationType.Restore => lastOperation.Type,
            _ => LastOperationType.Reconcile,
        };
    }

    /// <summary>Whether the object was migrated away (last operation Migrate succeeded).</summary>
    public static bool IsMigrated(LastOperation? lastOperation) =>
        lastOperation is { Type: LastOperationType.Migrate, State: LastOperationState.Succeeded };

    /// <summary>Gardener's ShouldSkipOperation: a migrated object is left alone unless migrate/restore is requested.</summary>
    public static bool ShouldSkip(LastOperationType operation, LastOperation? lastOperation) =>
        operation is not LastOperationType.Migrate and not LastOperationType.Restore && IsMigrated(lastOperation);

    /// <summary>Whether the annotation asks for an operation (reconcile, restore or migrate).</summary>
    public static bool HasOperationAnnotation(ObjectMeta metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.GetAnnotation(GardenerConstants.OperationAnnotation)
            is GardenerConstants.OperationReconcile or GardenerConstants.OperationRestore or GardenerConstants.OperationMigrate;
    }

    /// <summary>Gardener's ShootNeedsForceDeletion: the shoot annotation parses as a true boolean (Go strconv.ParseBool).</summary>
    public static bool ShootNeedsForceDeletion(Shoot shoot)
    {
        ArgumentNullException.ThrowIfNull(shoot);
        return shoot.Annotations.TryGetValue(GardenerConstants.ForceDeletionAnnotation, out var value)
            && value is "1" or "t" or "T" or "true" or "TRUE" or "True";
    }
}
