using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;
using GardenerMetal.MetalApi;
using InfrastructureResource = GardenerMetal.Extensions.Apis.Infrastructure;

namespace GardenerMetal.Provider.Controllers.Infrastructure;

/// <summary>
/// Migrate: keeps everything allocated in metal-api and persists <c>status.state</c> (refreshed from metal-api by
/// finding, never allocating; when metal-api cannot be reached an existing state is kept).
/// </summary>
public sealed partial class InfrastructureActuator
{
    /// <inheritdoc />
    public async Task<ActuatorResult> MigrateAsync(InfrastructureResource resource, Cluster cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var existing = ReadState(resource);
        try
        {
            var ctx = await PrepareAsync(resource, cluster, lenient: true, cancellationToken).ConfigureAwait(false);
            var state = await SnapshotAsync(ctx, existing, cancellationToken).ConfigureAwait(false);
            WriteStatus(resource, state);
        }
        catch (Exception ex) when (existing is not null && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            InfrastructureActuatorLog.MigrateKeptState(_logger, ex);
        }

        // The Secret migrates with the shoot; this seed no longer holds it.
        await HoldSecretAsync(resource, hold: false, cancellationToken).ConfigureAwait(false);
        return ActuatorResult.Done;
    }

    /// <summary>The current state as found by tags (no allocation, no free).</summary>
    private static async Task<InfrastructureState> SnapshotAsync(InfrastructureContext ctx, InfrastructureState? existing, CancellationToken ct)
    {
        var networks = await Metal(() => ctx.Metal.FindNetworksAsync(new MetalApi.V1.NetworkFindRequest
        {
            ProjectId = ctx.ProjectId,
            PartitionId = ctx.PartitionId,
            Labels = new Dictionary<string, string>(StringComparer.Ordinal) { [MetalTags.ClusterId] = ctx.ClusterId },
        }, ct), "metal-api: finding the cluster's node network").ConfigureAwait(false);
        var network = networks.OrderBy(n => n.Created ?? DateTimeOffset.MaxValue).ThenBy(n => n.Id, StringComparer.Ordinal).FirstOrDefault();
        var firewalls = await FindFirewallsAsync(ctx, ct).ConfigureAwait(false);
        var firewall = firewalls.FirstOrDefault(f => f.Id == existing?.Firewall?.MachineId)
            ?? firewalls.OrderByDescending(f => f.Allocation?.Succeeded ?? false).ThenBy(f => f.Allocation?.Created).FirstOrDefault();
        return new InfrastructureState
        {
            ClusterId = ctx.ClusterId,
            ProjectId = ctx.ProjectId,
            PartitionId = ctx.PartitionId,
            NodeNetwork = network is null
                ? existing?.NodeNetwork
                : new NodeNetworkState { Id = network.Id, Cidr = ctx.ShootNodes ?? (network.Prefixes.Count > 0 ? network.Prefixes[0] : null), Owned = true },
            Firewall = firewall is null
                ? existing?.Firewall
                : new FirewallState
                {
                    MachineId = firewall.Id,
                    Image = firewall.Allocation?.Image?.Id,
                    Size = firewall.Size?.Id,
                    Networks = [.. (firewall.Allocation?.Networks ?? []).Select(n => n.NetworkId)],
                },
            EgressIps = existing?.EgressIps,
        };
    }
}
