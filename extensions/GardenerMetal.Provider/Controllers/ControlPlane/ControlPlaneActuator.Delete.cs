using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;
using ControlPlaneResource = GardenerMetal.Extensions.Apis.ControlPlane;

namespace GardenerMetal.Provider.Controllers.ControlPlane;

public sealed partial class ControlPlaneActuator
{
    /// <inheritdoc />
    public Task<ActuatorResult> DeleteAsync(ControlPlaneResource resource, Cluster cluster, CancellationToken cancellationToken) =>
        DeleteCoreAsync(resource, waitForShoot: true, cancellationToken);

    /// <inheritdoc />
    public Task<ActuatorResult> ForceDeleteAsync(ControlPlaneResource resource, Cluster cluster, CancellationToken cancellationToken) =>
        DeleteCoreAsync(resource, waitForShoot: false, cancellationToken);

    /// <summary>
    /// As upstream, in reverse order: the storage MR, the shoot MR (waiting until gardener-resource-manager has removed
    /// its objects from the shoot, unless force-deleting), the seed MR, then the access and generated secrets.
    /// </summary>
    private async Task<ActuatorResult> DeleteCoreAsync(ControlPlaneResource resource, bool waitForShoot, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var ns = resource.Metadata.Namespace ?? string.Empty;
        await DeleteManagedResourceAsync(ns, ManagedResourceNames.StorageClasses, ct).ConfigureAwait(false);
        await DeleteManagedResourceAsync(ns, ManagedResourceNames.Shoot, ct).ConfigureAwait(false);
        if (waitForShoot && await ManagedResources.TryGetAsync(ns, ManagedResourceNames.Shoot, ct).ConfigureAwait(false) is not null)
        {
            ControlPlaneActuatorLog.WaitingForDeletion(_logger, ManagedResourceNames.Shoot);
            return ActuatorResult.RequeueAfterDelay(_options.PollInterval, "waiting for managed resource " + ManagedResourceNames.Shoot + " to be deleted", 50);
        }

        await DeleteManagedResourceAsync(ns, ManagedResourceNames.Seed, ct).ConfigureAwait(false);
        await DeleteIfPresentAsync(_client.Secrets, ns, ManagedResourceNames.ShootAccessCcm, ct).ConfigureAwait(false);
        await _secrets.DeleteAllAsync(ns, ct).ConfigureAwait(false);
        return ActuatorResult.Done;
    }

    /// <summary>Deletes a ManagedResource and its Secret of manifests (the Secret stays until the MR is gone, as GRM needs it to clean up).</summary>
    private async Task DeleteManagedResourceAsync(string ns, string name, CancellationToken ct)
    {
        if (await ManagedResources.TryGetAsync(ns, name, ct).ConfigureAwait(false) is not null)
        {
            await DeleteIfPresentAsync(ManagedResources, ns, name, ct).ConfigureAwait(false);
            ControlPlaneActuatorLog.ManagedResourceDeleted(_logger, name);
            if (await ManagedResources.TryGetAsync(ns, name, ct).ConfigureAwait(false) is not null)
            {
                return; // GRM's finalizer is still cleaning up: the Secret goes on a later pass
            }
        }

        await DeleteIfPresentAsync(_client.Secrets, ns, ManagedResourceNames.SecretOf(name), ct).ConfigureAwait(false);
    }
}
