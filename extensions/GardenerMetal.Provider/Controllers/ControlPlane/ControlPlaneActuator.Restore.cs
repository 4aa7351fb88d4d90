using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;
using ControlPlaneResource = GardenerMetal.Extensions.Apis.ControlPlane;

namespace GardenerMetal.Provider.Controllers.ControlPlane;

public sealed partial class ControlPlaneActuator
{
    /// <summary>
    /// Restore on the destination seed: a reconcile. The CA Secret gardenlet restored (persisted) is reused, so
    /// certificates the shoot trusts stay valid; everything else is rendered anew.
    /// </summary>
    public Task<ActuatorResult> RestoreAsync(ControlPlaneResource resource, Cluster cluster, CancellationToken cancellationToken) =>
        ReconcileAsync(resource, cluster, cancellationToken);
}
