using GardenerMetal.Extensions.Apis;

namespace GardenerMetal.Extensions.Controllers;

/// <summary>
/// The provider logic for one extension kind. The generic <see cref="Reconciliation.ExtensionReconciler{T}"/> does
/// everything else (finalizer, operation annotation, lastOperation/lastError, observedGeneration).
/// <para>
/// Contract: every method is idempotent (it may run again after a crash at any point). Set output fields
/// (e.g. <c>status.nodesCIDR</c>, <c>providerStatus</c>, <c>state</c>) on <c>resource.Status</c>; the framework
/// writes the whole status with its final status patch, also when the method throws. Failures are exceptions;
/// throw <see cref="Errors.ExtensionOperationException"/> to state Gardener error codes, any other exception is
/// classified by <see cref="Errors.ErrorClassifier"/>.
/// </para>
/// </summary>
/// <typeparam name="T">The extension resource kind.</typeparam>
public interface IExtensionActuator<in T>
    where T : IExtensionResource
{
    /// <summary>Creates or updates what the resource describes.</summary>
    Task<ActuatorResult> ReconcileAsync(T resource, Cluster cluster, CancellationToken cancellationToken);

    /// <summary>Deletes everything the resource created; runs while the object has a deletionTimestamp.</summary>
    Task<ActuatorResult> DeleteAsync(T resource, Cluster cluster, CancellationToken cancellationToken);

    /// <summary>Deletion when the shoot carries <c>confirmation.gardener.cloud/force-deletion=true</c>: best effort, must not block.</summary>
    Task<ActuatorResult> ForceDeleteAsync(T resource, Cluster cluster, CancellationToken cancellationToken);

    /// <summary>Prepares the control plane migration: release ownership without deleting infrastructure.</summary>
    Task<ActuatorResult> MigrateAsync(T resource, Cluster cluster, CancellationToken cancellationToken);

    /// <summary>Restores from <c>status.state</c> after a migration.</summary>
    Task<ActuatorResult> RestoreAsync(T resource, Cluster cluster, CancellationToken cancellationToken);
}
