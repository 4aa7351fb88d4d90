using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;
using GardenerMetal.Extensions.Errors;
using GardenerMetal.MetalApi;
using GardenerMetal.MetalApi.V1;
using InfrastructureResource = GardenerMetal.Extensions.Apis.Infrastructure;

namespace GardenerMetal.Provider.Controllers.Infrastructure;

/// <summary>
/// Delete: frees the cluster's firewalls, its ephemeral IPs (static IPs only lose the cluster's tags) and its node
/// network; only objects carrying the cluster tag or label are touched. Then it releases the credentials Secret
/// (its finalizer goes; see <see cref="SecretFinalizers"/>).
/// </summary>
public sealed partial class InfrastructureActuator
{
    /// <inheritdoc />
    public async Task<ActuatorResult> DeleteAsync(InfrastructureResource resource, Cluster cluster, CancellationToken cancellationToken)
    {
        var ctx = await PrepareAsync(resource, cluster, lenient: true, cancellationToken).ConfigureAwait(false);
        await DeleteFirewallsAsync(ctx, cancellationToken).ConfigureAwait(false);
        await ReleaseIpsAsync(ctx, cancellationToken).ConfigureAwait(false);
        await DeleteNetworksAsync(ctx, cancellationToken).ConfigureAwait(false);
        await HoldSecretAsync(resource, hold: false, cancellationToken).ConfigureAwait(false);
        return ActuatorResult.Done;
    }

    /// <inheritdoc />
    public async Task<ActuatorResult> ForceDeleteAsync(InfrastructureResource resource, Cluster cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        try
        {
            return await DeleteAsync(resource, cluster, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            InfrastructureActuatorLog.ForceDeleteIgnored(_logger, ex, cluster.GetShoot().Uid ?? "");
            await HoldSecretAsync(resource, hold: false, cancellationToken).ConfigureAwait(false);
            return ActuatorResult.Done;
        }
    }

    private async Task DeleteFirewallsAsync(InfrastructureContext ctx, CancellationToken ct)
    {
        foreach (var firewall in await FindFirewallsAsync(ctx, ct).ConfigureAwait(false))
        {
            if (firewall.Tags.Contains(ctx.ClusterTag, StringComparer.Ordinal) &&
                await FreeIfPresent(() => ctx.Metal.FreeMachineAsync(firewall.Id, ct), $"metal-api: freeing firewall {firewall.Id}").ConfigureAwait(false))
            {
                InfrastructureActuatorLog.FirewallFreed(_logger, firewall.Id, ctx.ClusterId, "infrastructure deleted");
            }
        }
    }

    private async Task ReleaseIpsAsync(InfrastructureContext ctx, CancellationToken ct)
    {
        // metal-api finds by exact tags only; service IPs carry cluster-scoped keys, so filter the project's IPs here.
        var ips = await Metal(() => ctx.Metal.FindIPsAsync(new IPFindRequest { ProjectId = ctx.ProjectId }, ct), "metal-api: finding the cluster's IPs").ConfigureAwait(false);
        foreach (var ip in ips)
        {
            var tags = ip.Tags ?? [];
            if (!tags.Any(t => MetalTags.IsClusterTag(t, ctx.ClusterId)))
            {
                continue;
            }

            if (ip.Type == IPTypes.Ephemeral)
            {
                if (await FreeIfPresent(() => ctx.Metal.FreeIPAsync(ip.IpAddress, ct), "metal-api: freeing IP " + ip.IpAddress).ConfigureAwait(false))
                {
                    InfrastructureActuatorLog.IpFreed(_logger, ip.IpAddress, ctx.ClusterId);
                }
            }
            else
            {
                await UpdateTagsAsync(ctx, ip, [.. tags.Where(t => !MetalTags.IsClusterTag(t, ctx.ClusterId))], ct).ConfigureAwait(false);
            }
        }
    }

    private async Task DeleteNetworksAsync(InfrastructureContext ctx, CancellationToken ct)
    {
        var networks = await Metal(() => ctx.Metal.FindNetworksAsync(new NetworkFindRequest
        {
            ProjectId = ctx.ProjectId,
            PartitionId = ctx.PartitionId,
            Labels = new Dictionary<string, string>(StringComparer.Ordinal) { [MetalTags.ClusterId] = ctx.ClusterId },
        }, ct), "metal-api: finding the cluster's node network").ConfigureAwait(false);
        foreach (var network in networks.Where(n => IsClusterNetwork(n, ctx)))
        {
            try
            {
                await ctx.Metal.FreeNetworkAsync(network.Id, ct).ConfigureAwait(false);
                InfrastructureActuatorLog.NetworkFreed(_logger, network.Id, ctx.ClusterId);
            }
            catch (MetalApiException ex) when (ex.IsNotFound)
            {
                // already gone
            }
            catch (MetalApiException ex) when (ex.IsConflict)
            {
                throw new ExtensionOperationException(
                    $"node network {network.Id} ({string.Join(", ", network.Prefixes)}) is still in use, retrying until its machines and IPs are released: {ex.MetalMessage ?? ex.Message}",
                    [GardenerErrorCodes.RetryableInfraDependencies], retryable: true, ex, _options.NetworkInUseRetryInterval);
            }
            catch (MetalApiException ex)
            {
                throw MetalErrors.Map(ex, $"metal-api: freeing node network {network.Id}");
            }
        }
    }
}
