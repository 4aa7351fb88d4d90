using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;
using InfrastructureResource = GardenerMetal.Extensions.Apis.Infrastructure;

namespace GardenerMetal.Provider.Controllers.Infrastructure;

/// <summary>
/// Restore: adopts the node network and firewall recorded in <c>status.state</c> (they carry the cluster tag, so the
/// reconcile finds them and allocates nothing), then converges like a reconcile.
/// </summary>
public sealed partial class InfrastructureActuator
{
    /// <inheritdoc />
    public async Task<ActuatorResult> RestoreAsync(InfrastructureResource resource, Cluster cluster, CancellationToken cancellationToken)
    {
        var ctx = await PrepareAsync(resource, cluster, lenient: false, cancellationToken).ConfigureAwait(false);
        var state = ReadState(resource);
        if (state is not null)
        {
            if (!string.IsNullOrEmpty(state.ClusterId) && state.ClusterId != ctx.ClusterId)
            {
                throw ActuatorErrors.Configuration($"status.state: Invalid value: \"{state.ClusterId}\": the state belongs to another cluster than shoot {ctx.ClusterId}");
            }

            InfrastructureActuatorLog.Adopting(_logger, state.NodeNetwork?.Id ?? "", state.Firewall?.MachineId ?? "");
            WriteStatus(resource, state);
        }

        return await ReconcileCoreAsync(ctx, state, cancellationToken).ConfigureAwait(false);
    }
}
