using GardenerMetal.Extensions.Apis;

namespace GardenerMetal.Extensions.Reconciliation;

/// <summary>
/// Which watch events enqueue an object (Gardener's DefaultControllerPredicates):
/// <list type="bullet">
/// <item>annotation mode: the operation annotation is reconcile/restore/migrate, the object is being deleted, or —
/// for objects seen when the controller starts (add events) — the last operation did not succeed;</item>
/// <item><c>--ignore-operation-annotation</c>: every add, and updates that change the generation or start the deletion.</item>
/// </list>
/// Status-only updates (the controller's own writes) never trigger: failures are retried by the per-key backoff,
/// not by the echo of the Error status (so the backoff holds).
/// </summary>
public static class ExtensionTriggers
{
    /// <summary>Whether an add event (initial list at start-up or a new object) enqueues the object.</summary>
    public static bool OnAdd(IExtensionResource resource, bool ignoreOperationAnnotation)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (ignoreOperationAnnotation)
        {
            return true;
        }

        var lastOperation = resource.ExtensionStatus?.LastOperation;
        return OperationTypes.HasOperationAnnotation(resource.Metadata)
            || resource.Metadata.DeletionTimestamp is not null
            || lastOperation is null
            || lastOperation.State != LastOperationState.Succeeded;
    }

    /// <summary>Whether an update event enqueues the object.</summary>
    public static bool OnUpdate(IExtensionResource oldResource, IExtensionResource newResource, bool ignoreOperationAnnotation)
    {
        ArgumentNullException.ThrowIfNull(oldResource);
        ArgumentNullException.ThrowIfNull(newResource);
        var deletionStarted = newResource.Metadata.DeletionTimestamp is not null && oldResource.Metadata.DeletionTimestamp is null;
        if (ignoreOperationAnnotation)
        {
            return deletionStarted || newResource.Metadata.Generation != oldResource.Metadata.Generation;
        }

        var annotationNew = OperationTypes.HasOperationAnnotation(newResource.Metadata)
            && (!OperationTypes.HasOperationAnnotation(oldResource.Metadata)
                || newResource.Metadata.GetAnnotation(GardenerConstants.OperationAnnotation) != oldResource.Metadata.GetAnnotation(GardenerConstants.OperationAnnotation)
                || newResource.Metadata.Generation != oldResource.Metadata.Generation);
        return annotationNew || deletionStarted;
    }
}
