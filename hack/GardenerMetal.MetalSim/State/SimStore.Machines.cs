using GardenerMetal.MetalApi.V1;

namespace GardenerMetal.MetalSim.State;

/// <summary>Machine and firewall allocation, lookup and release.</summary>
internal sealed partial class SimStore
{
    public MachineResponse AllocateMachine(MachineAllocateRequest r, string role, string creator, FirewallRules? firewallRules = null)
    {
        ArgumentNullException.ThrowIfNull(r);
        lock (_lock)
        {
            var now = Now;
            if (!_images.TryGetValue(r.ImageId, out var image))
            {
                throw SimError.BadRequest($"image:{r.ImageId} not found");
            }

            if (!(image.Features?.Contains(role) ?? false))
            {
                throw SimError.BadRequest($"given image {r.ImageId} is not usable for a {role}, supported features: {string.Join(",", image.Features ?? [])}");
            }

            if (!_projects.ContainsKey(r.ProjectId))
            {
                throw SimError.BadRequest($"project:{r.ProjectId} not found");
            }

            SimMachine machine;
            if (!string.IsNullOrEmpty(r.Uuid))
            {
                if (!_machineById.TryGetValue(r.Uuid, out machine!))
                {
                    throw SimError.BadRequest($"uuid given but no machine found with uuid:{r.Uuid}");
                }

                if (machine.Allocation is not null)
                {
                    throw SimError.Unprocessable("machine is already allocated");
                }

                if (!string.IsNullOrEmpty(r.PartitionId) && machine.PartitionId != r.PartitionId)
                {
                    throw SimError.Unprocessable($"machine \"{machine.Id}\" is not in the requested partition: {r.PartitionId}");
                }

                if (!string.IsNullOrEmpty(r.SizeId) && machine.SizeId != r.SizeId)
                {
                    throw SimError.Unprocessable($"machine \"{machine.Id}\" does not have the requested size: {r.SizeId}");
                }
            }
            else
            {
                if (string.IsNullOrEmpty(r.PartitionId))
                {
                    throw SimError.BadRequest("when no machine id is given, a partition id must be specified");
                }

                if (string.IsNullOrEmpty(r.SizeId))
                {
                    throw SimError.BadRequest("when no machine id is given, a size id must be specified");
                }

                if (!_sizes.ContainsKey(r.SizeId))
                {
                    throw SimError.NotFound($"size cannot be found: no size with id \"{r.SizeId}\" found");
                }

                if (!_partitions.ContainsKey(r.PartitionId))
                {
                    throw SimError.NotFound($"partition cannot be found: no partition with id \"{r.PartitionId}\" found");
                }

                machine = PickCandidate(r, role, now) ?? throw SimError.Unprocessable("no machine available");
            }

            var allocated = new List<SimIp>();
            var attached = new List<SimIp>();
            try
            {
                var networks = BuildMachineNetworks(r, machine.Id, now, allocated, attached);
                machine.Allocation = new SimAllocation
                {
                    Uuid = Guid.NewGuid().ToString(),
                    Created = now,
                    Creator = creator,
                    Role = role,
                    ProjectId = r.ProjectId,
                    ImageId = r.ImageId,
                    Name = string.IsNullOrEmpty(r.Name) ? machine.Id : r.Name,
                    Hostname = string.IsNullOrEmpty(r.Hostname) ? "metal" : r.Hostname,
                    Description = r.Description,
                    UserData = r.UserData,
                    SshPubKeys = [.. r.SshPubKeys],
                    DnsServers = r.DnsServers,
                    NtpServers = r.NtpServers,
                    FirewallRules = firewallRules,
                    PlacementTags = [.. r.PlacementTags ?? []],
                    Networks = networks,
                    PhonedHomeAt = now + (3 * _step),
                };
                _allocated.Add(machine);
            }
            catch
            {
                foreach (var ip in allocated)
                {
                    ReleaseIp(ip);
                }

                foreach (var ip in attached)
                {
                    ip.MachineId = null;
                }

                throw;
            }

            machine.Tags = [.. (r.Tags ?? []).Distinct(StringComparer.Ordinal)];
            machine.Changed = now;
            machine.Events.RemoveAll(e => e.Time > now);
            AddEvent(machine, now + _step, ProvisioningEventTypes.Installing);
            AddEvent(machine, now + (2 * _step), ProvisioningEventTypes.BootingNewKernel);
            AddEvent(machine, now + (3 * _step), ProvisioningEventTypes.PhonedHome);
            TrimEvents(machine);
            return ToResponse(machine, now);
        }
    }

    public IReadOnlyList<MachineResponse> FindMachines(MachineFindRequest f, bool firewallsOnly)
    {
        ArgumentNullException.ThrowIfNull(f);
        lock (_lock)
        {
            var now = Now;
            return [.. _machines.Where(m => Matches(m, f, firewallsOnly, now)).Select(m => ToResponse(m, now))];
        }
    }

    public IReadOnlyList<MachineResponse> ListMachines(bool firewallsOnly)
    {
        lock (_lock)
        {
            var now = Now;
            return [.. _machines.Where(m => !firewallsOnly || m.Allocation?.Role == MachineRoles.Firewall).Select(m => ToResponse(m, now))];
        }
    }

    public MachineResponse GetMachine(string id, bool firewallOnly)
    {
        lock (_lock)
        {
            if (!_machineById.TryGetValue(id, out var m))
            {
                throw SimError.NotFound($"no machine with id \"{id}\" found");
            }

            if (firewallOnly && m.Allocation?.Role != MachineRoles.Firewall)
            {
                throw SimError.NotFound($"machine is not a firewall: {id}");
            }

            return ToResponse(m, Now);
        }
    }

    public MachineResponse FreeMachine(string id)
    {
        lock (_lock)
        {
            if (!_machineById.TryGetValue(id, out var m))
            {
                throw SimError.NotFound($"no machine with id \"{id}\" found");
            }

            var now = Now;
            if (m.Allocation is not null)
            {
                foreach (var ip in _ips.Values.Where(ip => ip.MachineId == id).ToList())
                {
                    if (ip.Type == IPTypes.Ephemeral)
                    {
                        ReleaseIp(ip);
                    }
                    else
                    {
                        ip.MachineId = null;
                        ip.Changed = now;
                    }
                }

                m.Allocation = null;
                _allocated.Remove(m);
                m.Tags = [.. m.InventoryTags];
                m.Changed = now;
                m.Events.RemoveAll(e => e.Time > now);
                AddEvent(m, now, ProvisioningEventTypes.MachineReclaim);
                AddEvent(m, now + _step, ProvisioningEventTypes.Waiting);
                TrimEvents(m);
            }

            return ToResponse(m, now);
        }
    }

    public void SetLiveliness(string id, string? liveliness)
    {
        lock (_lock)
        {
            if (!_machineById.TryGetValue(id, out var m))
            {
                throw new ArgumentException($"no machine with id '{id}'", nameof(id));
            }

            m.Liveliness = liveliness;
        }
    }

    public int AvailableMachines(string partitionId, string sizeId)
    {
        lock (_lock)
        {
            var now = Now;
            return _machines.Count(m => m.PartitionId == partitionId && m.SizeId == sizeId && IsAvailable(m, now));
        }
    }

    private SimMachine? PickCandidate(MachineAllocateRequest r, string role, DateTimeOffset now)
    {
        // Spread across racks: anti-affinity to the project's machines of the same role in a rack,
        // counting only those that carry all placement tags when placement tags are given.
        // The pick is the first available machine (inventory order) among those in the racks with the lowest count.
        if (!_pool.TryGetValue((r.PartitionId, r.SizeId), out var racks))
        {
            return null;
        }

        var placement = r.PlacementTags ?? [];
        var perRack = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var other in _allocated)
        {
            var a = other.Allocation!;
            if (a.ProjectId == r.ProjectId && a.Role == role && other.PartitionId == r.PartitionId && HasAllTags(other.Tags, placement))
            {
                perRack[other.RackId] = perRack.GetValueOrDefault(other.RackId) + 1;
            }
        }

        SimMachine? best = null;
        var bestScore = int.MaxValue;
        foreach (var (rack, machines) in racks)
        {
            var score = perRack.GetValueOrDefault(rack);
            if (score > bestScore || (score == bestScore && best is not null && best.Index < machines[0].Index))
            {
                continue;
            }

            foreach (var m in machines)
            {
                if (best is not null && score == bestScore && m.Index > best.Index)
                {
                    break;
                }

                if (IsAvailable(m, now))
                {
                    best = m;
                    bestScore = score;
                    break;
                }
            }
        }

        return best;
    }

    private static bool HasAllTags(List<string> have, IReadOnlyList<string> want)
    {
        for (var i = 0; i < want.Count; i++)
        {
            if (!have.Contains(want[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAvailable(SimMachine m, DateTimeOffset now)
    {
        if (m.Allocation is not null || m.StateValue.Length != 0 || (m.Liveliness ?? MachineLiveliness.Alive) != MachineLiveliness.Alive)
        {
            return false;
        }

        var last = LastVisible(m, now);
        return last?.Event == ProvisioningEventTypes.Waiting;
    }

    private static MachineProvisioningEvent? LastVisible(SimMachine m, DateTimeOffset now)
    {
        for (var i = m.Events.Count - 1; i >= 0; i--)
        {
            if (m.Events[i].Time <= now)
            {
                return m.Events[i];
            }
        }

        return null;
    }

    private static void TrimEvents(SimMachine m)
    {
        if (m.Events.Count > 16)
        {
            m.Events.RemoveRange(0, m.Events.Count - 16);
        }
    }

    private List<MachineNetwork> BuildMachineNetworks(MachineAllocateRequest r, string machineId, DateTimeOffset now, List<SimIp> allocated, List<SimIp> attached)
    {
        var result = new List<MachineNetwork>();
        var byNetwork = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<SimNetwork>();
        foreach (var n in r.Networks ?? [])
        {
            if (!_networks.TryGetValue(n.NetworkId, out var net))
            {
                throw SimError.BadRequest($"network:{n.NetworkId} not found");
            }

            if (net.PrivateSuper)
            {
                throw SimError.BadRequest($"network:{n.NetworkId} is a private super network and cannot be used for machines");
            }

            if (byNetwork.ContainsKey(net.Id))
            {
                throw SimError.BadRequest($"network:{n.NetworkId} is given more than once");
            }

            byNetwork[net.Id] = [];
            order.Add(net);
            if (n.AutoAcquire)
            {
                var ip = NewIp(net, r.ProjectId, IPTypes.Ephemeral, now);
                ip.MachineId = machineId;
                allocated.Add(ip);
                byNetwork[net.Id].Add(ip.Address);
            }
        }

        foreach (var address in r.Ips ?? [])
        {
            if (!_ips.TryGetValue(address, out var ip))
            {
                throw SimError.BadRequest($"ip:{address} not found");
            }

            if (ip.MachineId is not null)
            {
                throw SimError.BadRequest($"given ip \"{address}\" is not available for direct attachment to machine because it is already in use");
            }

            ip.MachineId = machineId;
            attached.Add(ip);
            if (!byNetwork.TryGetValue(ip.NetworkId, out var list))
            {
                list = [];
                byNetwork[ip.NetworkId] = list;
                order.Add(_networks[ip.NetworkId]);
            }

            list.Add(ip.Address);
        }

        var asn = ++_nextAsn;
        foreach (var net in order)
        {
            var isPrivate = net.ParentNetworkId is not null;
            result.Add(new MachineNetwork
            {
                NetworkId = net.Id,
                Asn = asn,
                DestinationPrefixes = [.. net.DestinationPrefixes],
                Ips = byNetwork[net.Id],
                Nat = net.Nat,
                NatTypeV2 = net.Nat ? "ipv4-masq" : "none",
                NetworkType = isPrivate ? "privateprimaryunshared" : net.Underlay ? "underlay" : "external",
                NetworkTypeV2 = isPrivate ? "child" : net.Underlay ? "underlay" : "external",
                Prefixes = [.. net.Prefixes.Select(p => p.ToString())],
                Private = isPrivate,
                ProjectId = net.ProjectId ?? "",
                Underlay = net.Underlay,
                Vrf = net.Vrf,
            });
        }

        return result;
    }

    private static bool Matches(SimMachine m, MachineFindRequest f, bool firewallsOnly, DateTimeOffset now)
    {
        var a = m.Allocation;
        if (firewallsOnly && a?.Role != MachineRoles.Firewall)
        {
            return false;
        }

        return (f.Id is null || f.Id == m.Id) &&
            (f.Name is null || f.Name == m.Id) &&
            (f.PartitionId is null || f.PartitionId == m.PartitionId) &&
            (f.SizeId is null || f.SizeId == m.SizeId) &&
            (f.RackId is null || f.RackId == m.RackId) &&
            (f.StateValue is null || f.StateValue == m.StateValue) &&
            ContainsAll(m.Tags, f.Tags) &&
            (f.AllocationProject is null || f.AllocationProject == a?.ProjectId) &&
            (f.AllocationRole is null || f.AllocationRole == a?.Role) &&
            (f.AllocationHostname is null || f.AllocationHostname == a?.Hostname) &&
            (f.AllocationName is null || f.AllocationName == a?.Name) &&
            (f.AllocationImageId is null || f.AllocationImageId == a?.ImageId) &&
            (f.AllocationSucceeded is null || (a is not null && f.AllocationSucceeded == (now >= a.PhonedHomeAt))) &&
            (f.NetworkIds is null || (a is not null && f.NetworkIds.All(id => a.Networks.Any(n => n.NetworkId == id)))) &&
            (f.NetworkIps is null || (a is not null && f.NetworkIps.All(ip => a.Networks.Any(n => n.Ips.Contains(ip)))));
    }
}
