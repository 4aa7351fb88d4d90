using System.Text.Json;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;
using WorkerResource = GardenerMetal.Extensions.Apis.Worker;

namespace GardenerMetal.Provider.Controllers.Worker;

public sealed partial class WorkerActuator
{
    /// <summary>
    /// Control plane migration, source seed (MCM is already stopped there): saves the machine state into
    /// <c>status.state</c>, then removes MCM's finalizers from the machine objects and class Secrets and deletes them,
    /// so the namespace can go without a single metal machine being freed (Gardener's generic actuator did the same).
    /// </summary>
    public async Task<ActuatorResult> MigrateAsync(WorkerResource resource, Cluster cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var ns = resource.Metadata.Namespace ?? string.Empty;
        var state = await CaptureStateAsync(ns, cancellationToken).ConfigureAwait(false);
        resource.EnsureStatus().State = JsonSerializer.SerializeToElement(state, WorkerJsonContext.Default.WorkerState);
        await ShallowDeleteAllAsync(ns, cancellationToken).ConfigureAwait(false);
        await ReleaseSecretAsync(resource, cancellationToken).ConfigureAwait(false);
        return ActuatorResult.Done;
    }
}
