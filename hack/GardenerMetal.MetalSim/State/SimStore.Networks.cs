using GardenerMetal.MetalApi.V1;

namespace GardenerMetal.MetalSim.State;

/// <summary>Network allocation (child prefixes of a partition's private super network), lookup and release.</summary>
internal sealed partial class SimStore
{
    public NetworkResponse AllocateNetwork(NetworkAllocateRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        lock (_lock)
        {
            if (string.IsNullOrEmpty(r.PartitionId))
            {
                throw SimError.BadRequest("partitionid should not be empty");
            }

            if (string.IsNullOrEmpty(r.ProjectId))
            {
                throw SimError.BadRequest("projectid should not be empty");
            }

            if (!_partitions.ContainsKey(r.PartitionId))
            {
                throw SimError.NotFound($"no partition with id \"{r.PartitionId}\" found");
            }

            if (!_projects.ContainsKey(r.ProjectId))
            {
                throw SimError.BadRequest($"project:{r.ProjectId} not found");
            }

            if (r.AddressFamily is not null and not "IPv4")
            {
                throw SimError.BadRequest($"addressfamily {r.AddressFamily} is not supported by the simulator, only IPv4");
            }

            var super = _networks.Values.FirstOrDefault(n => n.PrivateSuper && n.PartitionId == r.PartitionId)
                ?? throw SimError.Unprocessable($"no privatesuper network found for partition:{r.PartitionId}");
            var length = super.ChildPrefixLength;
            if (r.Length is { } lengths && lengths.TryGetValue("IPv4", out var requested))
            {
                if (requested <= super.Prefixes.Max(p => p.Length) || requested > 30)
                {
                    throw SimError.BadRequest($"given length {requested} is not valid for the private super network {super.Id}");
                }

                length = (int)requested;
            }

            var child = AllocateChildPrefix(super, length);
            var now = Now;
            var network = new SimNetwork
            {
                Id = Guid.NewGuid().ToString(),
                Name = r.Name,
                Description = r.Description,
                PartitionId = r.PartitionId,
                ProjectId = r.ProjectId,
                Prefixes = [child],
                DestinationPrefixes = [.. r.DestinationPrefixes ?? []],
                Nat = r.Nat ?? false,
                Shared = r.Shared ?? false,
                Vrf = ++_nextVrf,
                ParentNetworkId = super.Id,
                Labels = r.Labels is null ? [] : new Dictionary<string, string>(r.Labels, StringComparer.Ordinal),
                Created = now,
                Changed = now,
            };
            super.Children.Add(child);
            _networks.Add(network.Id, network);
            return ToResponse(network);
        }
    }

    public IReadOnlyList<NetworkResponse> FindNetworks(NetworkFindRequest f)
    {
        ArgumentNullException.ThrowIfNull(f);
        lock (_lock)
        {
            return [.. _networks.Values.Where(n => Matches(n, f)).Select(ToResponse)];
        }
    }

    public IReadOnlyList<NetworkResponse> ListNetworks()
    {
        lock (_lock)
        {
            return [.. _networks.Values.Select(ToResponse)];
        }
    }

    public NetworkResponse GetNetwork(string id)
    {
        lock (_lock)
        {
            return _networks.TryGetValue(id, out var n) ? ToResponse(n) : throw SimError.NotFound($"no network with id \"{id}\" found");
        }
    }

    public NetworkResponse FreeNetwork(string id)
    {
        lock (_lock)
        {
            if (!_networks.TryGetValue(id, out var n))
            {
                throw SimError.NotFound($"no network with id \"{id}\" found");
            }

            if (n.ParentNetworkId is null)
            {
                throw SimError.BadRequest($"network {id} is not a child network and cannot be freed");
            }

            var inUse = _ips.Values.Count(ip => ip.NetworkId == id);
            if (inUse > 0)
            {
                throw SimError.Conflict($"unable to delete network: {inUse} ips are still allocated in network {id}");
            }

            var machines = _machines.Count(m => m.Allocation?.Networks.Any(x => x.NetworkId == id) ?? false);
            if (machines > 0)
            {
                throw SimError.Conflict($"unable to delete network: {machines} machines are still attached to network {id}");
            }

            var response = ToResponse(n);
            if (_networks.TryGetValue(n.ParentNetworkId, out var parent))
            {
                foreach (var p in n.Prefixes)
                {
                    parent.Children.Remove(p);
                }
            }

            _networks.Remove(id);
            return response;
        }
    }

    private static Ipv4Prefix AllocateChildPrefix(SimNetwork super, int length)
    {
        var size = 1UL << (32 - length);
        foreach (var parent in super.Prefixes)
        {
            for (ulong start = parent.Network; start + size - 1 <= parent.Last; start += size)
            {
                var candidate = new Ipv4Prefix((uint)start, length);
                if (!super.Children.Any(c => c.Overlaps(candidate)))
                {
                    return candidate;
                }
            }
        }

        throw SimError.Unprocessable($"no more child prefixes contained in prefix pool of network {super.Id}");
    }

    private static bool Matches(SimNetwork n, NetworkFindRequest f) =>
        (f.Id is null || f.Id == n.Id) &&
        (f.Name is null || f.Name == n.Name) &&
        (f.PartitionId is null || f.PartitionId == n.PartitionId) &&
        (f.ProjectId is null || f.ProjectId == n.ProjectId) &&
        (f.ParentNetworkId is null || f.ParentNetworkId == n.ParentNetworkId) &&
        (f.Nat is null || f.Nat == n.Nat) &&
        (f.PrivateSuper is null || f.PrivateSuper == n.PrivateSuper) &&
        (f.Underlay is null || f.Underlay == n.Underlay) &&
        (f.Vrf is null || f.Vrf == n.Vrf) &&
        (f.AddressFamily is null || f.AddressFamily == "IPv4") &&
        (f.Prefixes is null || f.Prefixes.All(p => n.Prefixes.Any(x => x.ToString() == p))) &&
        (f.DestinationPrefixes is null || f.DestinationPrefixes.All(n.DestinationPrefixes.Contains)) &&
        (f.Labels is null || f.Labels.All(l => n.Labels.TryGetValue(l.Key, out var v) && v == l.Value));
}
