using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;
using GardenerMetal.MetalApi;
using GardenerMetal.MetalApi.V1;
using InfrastructureResource = GardenerMetal.Extensions.Apis.Infrastructure;

namespace GardenerMetal.Provider.Controllers.Infrastructure;

/// <summary>Reconcile: node network, then exactly one current firewall, then egress IPs; status after each step.</summary>
public sealed partial class InfrastructureActuator
{
    /// <inheritdoc />
    public async Task<ActuatorResult> ReconcileAsync(InfrastructureResource resource, Cluster cluster, CancellationToken cancellationToken)
    {
        var ctx = await PrepareAsync(resource, cluster, lenient: false, cancellationToken).ConfigureAwait(false);
        return await ReconcileCoreAsync(ctx, adopt: null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ActuatorResult> ReconcileCoreAsync(InfrastructureContext ctx, InfrastructureState? adopt, CancellationToken ct)
    {
        var previous = ReadState(ctx.Resource);
        var state = new InfrastructureState
        {
            ClusterId = ctx.ClusterId,
            ProjectId = ctx.ProjectId,
            PartitionId = ctx.PartitionId,
            Firewall = previous?.Firewall,
            EgressIps = previous?.EgressIps,
        };

        var network = await EnsureNodeNetworkAsync(ctx, adopt?.NodeNetwork?.Id ?? previous?.NodeNetwork?.Id, ct).ConfigureAwait(false);
        state = state with { NodeNetwork = network };
        WriteStatus(ctx.Resource, state);

        var (firewall, pending) = await EnsureFirewallAsync(ctx, network, ct).ConfigureAwait(false);
        state = state with
        {
            Firewall = new FirewallState
            {
                MachineId = firewall.Id,
                Image = firewall.Allocation?.Image?.Id,
                Size = firewall.Size?.Id,
                Networks = [.. (firewall.Allocation?.Networks ?? []).Select(n => n.NetworkId)],
            },
        };
        WriteStatus(ctx.Resource, state);
        if (pending is not null)
        {
            return ActuatorResult.RequeueAfterDelay(_options.FirewallPollInterval, pending, progress: 60);
        }

        var egress = await EnsureEgressAsync(ctx, ct).ConfigureAwait(false);
        state = state with { EgressIps = egress };
        WriteStatus(ctx.Resource, state);
        return _options.ResyncInterval is { } resync ? ActuatorResult.DoneRequeueAfter(resync) : ActuatorResult.Done;
    }

    /// <summary>
    /// The node network: the cluster's tagged network (or the one recorded in state when it still carries the tag),
    /// else the network holding <c>shoot.spec.networking.nodes</c>, else a newly allocated child network tagged with the cluster.
    /// </summary>
    private async Task<NodeNetworkState> EnsureNodeNetworkAsync(InfrastructureContext ctx, string? knownId, CancellationToken ct)
    {
        var metal = ctx.Metal;
        NetworkResponse? network = null;
        if (knownId is not null)
        {
            try
            {
                var known = await metal.GetNetworkAsync(knownId, ct).ConfigureAwait(false);
                if (IsClusterNetwork(known, ctx) || (ctx.ShootNodes is { } nodes && known.Prefixes.Contains(nodes, StringComparer.Ordinal)))
                {
                    network = known;
                }
            }
            catch (MetalApi.MetalApiException ex) when (ex.IsNotFound)
            {
                network = null;
            }
            catch (MetalApi.MetalApiException ex)
            {
                throw MetalErrors.Map(ex, $"metal-api: reading node network {knownId}");
            }
        }

        if (network is null)
        {
            var tagged = await Metal(() => metal.FindNetworksAsync(new NetworkFindRequest
            {
                ProjectId = ctx.ProjectId,
                PartitionId = ctx.PartitionId,
                Labels = new Dictionary<string, string>(StringComparer.Ordinal) { [MetalTags.ClusterId] = ctx.ClusterId },
            }, ct), "metal-api: finding the cluster's node network").ConfigureAwait(false);
            network = await KeepOneNetworkAsync(ctx, tagged, ct).ConfigureAwait(false);
        }

        if (network is null && ctx.ShootNodes is { } shootNodes)
        {
            var byPrefix = await Metal(() => metal.FindNetworksAsync(new NetworkFindRequest
            {
                ProjectId = ctx.ProjectId,
                PartitionId = ctx.PartitionId,
                Prefixes = [shootNodes],
            }, ct), "metal-api: finding the node network by prefix").ConfigureAwait(false);
            network = byPrefix.OrderBy(n => n.Id, StringComparer.Ordinal).FirstOrDefault()
                ?? throw ActuatorErrors.Configuration($"cluster spec.shoot.spec.networking.nodes: Invalid value: \"{shootNodes}\": no network with this prefix exists in project {ctx.ProjectId} and partition {ctx.PartitionId}");
        }

        if (network is null)
        {
            network = await Metal(() => metal.AllocateNetworkAsync(new NetworkAllocateRequest
            {
                ProjectId = ctx.ProjectId,
                PartitionId = ctx.PartitionId,
                Name = ctx.Namespace,
                Description = $"node network of shoot {ctx.Namespace} ({ctx.ClusterId})",
                Labels = new Dictionary<string, string>(StringComparer.Ordinal) { [MetalTags.ClusterId] = ctx.ClusterId },
            }, ct), "metal-api: allocating the node network").ConfigureAwait(false);
            InfrastructureActuatorLog.NetworkAllocated(_logger, network.Id, network.Prefixes.Count > 0 ? network.Prefixes[0] : "", ctx.ClusterId);
        }

        if (network.Prefixes.Count == 0)
        {
            throw new Extensions.Errors.ExtensionOperationException($"metal-api: node network {network.Id} has no prefix", [GardenerErrorCodes.RetryableInfraDependencies], retryable: true);
        }

        if (ctx.ShootNodes is { } wanted && !network.Prefixes.Contains(wanted, StringComparer.Ordinal))
        {
            throw ActuatorErrors.Configuration(
                $"cluster spec.shoot.spec.networking.nodes: Invalid value: \"{wanted}\": the cluster's node network {network.Id} has the prefix {network.Prefixes[0]}");
        }

        return new NodeNetworkState { Id = network.Id, Cidr = ctx.ShootNodes ?? network.Prefixes[0], Owned = IsClusterNetwork(network, ctx) };
    }

    private static bool IsClusterNetwork(NetworkResponse network, InfrastructureContext ctx) =>
        network.Labels is { } labels && labels.TryGetValue(MetalTags.ClusterId, out var id) && id == ctx.ClusterId &&
        network.ProjectId == ctx.ProjectId && network.PartitionId == ctx.PartitionId;

    /// <summary>Keeps the oldest of the cluster's tagged networks; frees unused duplicates (left by concurrent runs).</summary>
    private async Task<NetworkResponse?> KeepOneNetworkAsync(InfrastructureContext ctx, IReadOnlyList<NetworkResponse> tagged, CancellationToken ct)
    {
        if (tagged.Count <= 1)
        {
            return tagged.Count == 0 ? null : tagged[0];
        }

        var ordered = tagged.OrderBy(n => n.Created ?? DateTimeOffset.MaxValue).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
        InfrastructureActuatorLog.DuplicateNetworks(_logger, ordered.Count, ctx.ClusterId, ordered[0].Id);
        foreach (var duplicate in ordered.Skip(1))
        {
            try
            {
                await ctx.Metal.FreeNetworkAsync(duplicate.Id, ct).ConfigureAwait(false);
                InfrastructureActuatorLog.NetworkFreed(_logger, duplicate.Id, ctx.ClusterId);
            }
            catch (MetalApi.MetalApiException ex)
            {
                InfrastructureActuatorLog.DuplicateNetworkNotFreed(_logger, ex, duplicate.Id);
            }
        }

        return ordered[0];
    }

    /// <summary>
    /// Exactly one firewall on the desired spec: find the cluster's firewalls; allocate when none matches; while the
    /// matching one has not phoned home keep the old ones and report pending; then free every other firewall.
    /// </summary>
    private async Task<(FirewallResponse Firewall, string? Pending)> EnsureFirewallAsync(InfrastructureContext ctx, NodeNetworkState network, CancellationToken ct)
    {
        var metal = ctx.Metal;
        var config = ctx.Config.Firewall;
        var desired = new FirewallSpec(config.Size!, config.Image!, [.. (config.Networks ?? []).Append(network.Id!).Distinct(StringComparer.Ordinal)]);
        var firewalls = await FindFirewallsAsync(ctx, ct).ConfigureAwait(false);

        var matching = firewalls.Where(desired.IsMatchedBy)
            .OrderByDescending(f => f.Allocation!.Succeeded)
            .ThenBy(f => f.Allocation!.Created)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
        var current = matching.FirstOrDefault();
        var others = firewalls.Where(f => !ReferenceEquals(f, current)).ToList();
        if (current is null)
        {
            var name = $"{ctx.Namespace}-firewall-{Guid.NewGuid().ToString("N")[..5]}";
            current = await Metal(() => metal.AllocateFirewallAsync(new FirewallCreateRequest
            {
                Name = name,
                Hostname = name,
                Description = $"firewall of shoot {ctx.Namespace} ({ctx.ClusterId})",
                ProjectId = ctx.ProjectId,
                PartitionId = ctx.PartitionId,
                SizeId = desired.Size,
                ImageId = desired.Image,
                SshPubKeys = ctx.SshPublicKey is { } key ? [key] : [],
                Networks = [.. desired.Networks.Select(id => new MachineAllocationNetwork { NetworkId = id, AutoAcquire = true })],
                Tags = [ctx.ClusterTag],
                UserData = FirewallUserData.Build(ctx.ClusterId, ctx.Config, network.Id!, network.Cidr!),
            }, ct), "metal-api: allocating the firewall").ConfigureAwait(false);
            InfrastructureActuatorLog.FirewallAllocated(_logger, current.Id, ctx.ClusterId);
        }

        if (current.Allocation is not { Succeeded: true })
        {
            var replacing = others.Where(o => !desired.IsMatchedBy(o)).ToList();
            var pending = replacing.Count == 0
                ? $"Waiting for firewall {current.Id} to phone home"
                : $"Replacing firewall {string.Join(", ", replacing.Select(r => r.Id))} ({desired.DescribeDifference(replacing[0])}): waiting for firewall {current.Id} to phone home";
            return (current, pending);
        }

        foreach (var other in others)
        {
            var reason = desired.IsMatchedBy(other) ? "duplicate" : "replaced: " + desired.DescribeDifference(other);
            if (await FreeIfPresent(() => metal.FreeMachineAsync(other.Id, ct), $"metal-api: freeing firewall {other.Id}").ConfigureAwait(false))
            {
                InfrastructureActuatorLog.FirewallFreed(_logger, other.Id, ctx.ClusterId, reason);
            }
        }

        return (current, null);
    }

    private static Task<IReadOnlyList<FirewallResponse>> FindFirewallsAsync(InfrastructureContext ctx, CancellationToken ct) =>
        Metal(() => ctx.Metal.FindFirewallsAsync(new FirewallFindRequest
        {
            AllocationProject = ctx.ProjectId,
            PartitionId = ctx.PartitionId,
            AllocationRole = MachineRoles.Firewall,
            Tags = [ctx.ClusterTag],
        }, ct), "metal-api: finding the cluster's firewalls");

    /// <summary>Tags the static IPs listed in egressRules with the cluster's egress tag and untags the cluster's others.</summary>
    private async Task<IReadOnlyList<string>> EnsureEgressAsync(InfrastructureContext ctx, CancellationToken ct)
    {
        var metal = ctx.Metal;
        var egressTag = MetalTags.Egress(ctx.ClusterId);
        var wanted = new List<string>();
        var rules = ctx.Config.Firewall.EgressRules ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            var ips = rules[i].Ips ?? [];
            for (var j = 0; j < ips.Count; j++)
            {
                var address = ips[j];
                var path = $"spec.providerConfig.firewall.egressRules[{i}].ips[{j}]";
                var found = await Metal(() => metal.FindIPsAsync(new IPFindRequest { IpAddress = address, ProjectId = ctx.ProjectId }, ct), "metal-api: finding egress IP " + address).ConfigureAwait(false);
                var ip = found.FirstOrDefault(f => f.IpAddress == address)
                    ?? throw ActuatorErrors.Configuration($"{path}: Invalid value: \"{address}\": the IP is not allocated in project {ctx.ProjectId}");
                if (ip.Type != IPTypes.Static)
                {
                    throw ActuatorErrors.Configuration($"{path}: Invalid value: \"{address}\": egress IPs must be static, this one is {ip.Type}");
                }

                if (rules[i].NetworkId is { } networkId && ip.NetworkId != networkId)
                {
                    throw ActuatorErrors.Configuration($"{path}: Invalid value: \"{address}\": the IP belongs to network {ip.NetworkId}, not {networkId}");
                }

                if (!(ip.Tags ?? []).Contains(egressTag, StringComparer.Ordinal))
                {
                    await UpdateTagsAsync(ctx, ip, [.. ip.Tags ?? [], egressTag], ct).ConfigureAwait(false);
                }

                if (!wanted.Contains(address, StringComparer.Ordinal))
                {
                    wanted.Add(address);
                }
            }
        }

        var tagged = await Metal(() => metal.FindIPsAsync(new IPFindRequest { ProjectId = ctx.ProjectId, Tags = [egressTag] }, ct), "metal-api: finding the cluster's egress IPs").ConfigureAwait(false);
        foreach (var ip in tagged.Where(t => !wanted.Contains(t.IpAddress, StringComparer.Ordinal)))
        {
            await UpdateTagsAsync(ctx, ip, [.. (ip.Tags ?? []).Where(t => t != egressTag)], ct).ConfigureAwait(false);
        }

        return wanted;
    }

    private async Task UpdateTagsAsync(InfrastructureContext ctx, IPResponse ip, IReadOnlyList<string> tags, CancellationToken ct)
    {
        await Metal(() => ctx.Metal.UpdateIPAsync(new IPUpdateRequest
        {
            IpAddress = ip.IpAddress,
            Type = ip.Type,
            Name = ip.Name,
            Description = ip.Description,
            Tags = tags,
        }, ct), "metal-api: updating the tags of IP " + ip.IpAddress).ConfigureAwait(false);
        InfrastructureActuatorLog.IpRetagged(_logger, ip.IpAddress, ctx.ClusterId);
    }
}
