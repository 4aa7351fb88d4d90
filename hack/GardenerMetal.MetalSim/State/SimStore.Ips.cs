using GardenerMetal.MetalApi.V1;

namespace GardenerMetal.MetalSim.State;

/// <summary>IP allocation, lookup, update (tags) and release.</summary>
internal sealed partial class SimStore
{
    public IPResponse AllocateIP(IPAllocateRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        lock (_lock)
        {
            if (string.IsNullOrEmpty(r.NetworkId))
            {
                throw SimError.BadRequest("networkid should not be empty");
            }

            if (string.IsNullOrEmpty(r.ProjectId))
            {
                throw SimError.BadRequest("projectid should not be empty");
            }

            if (r.Type is not (IPTypes.Ephemeral or IPTypes.Static))
            {
                throw SimError.BadRequest($"ip type must be either {IPTypes.Ephemeral} or {IPTypes.Static}, got \"{r.Type}\"");
            }

            if (!_networks.TryGetValue(r.NetworkId, out var net))
            {
                throw SimError.NotFound($"no network with id \"{r.NetworkId}\" found");
            }

            if (!_projects.ContainsKey(r.ProjectId))
            {
                throw SimError.BadRequest($"project:{r.ProjectId} not found");
            }

            if (r.MachineId is not null && !_machineById.ContainsKey(r.MachineId))
            {
                throw SimError.BadRequest($"machine:{r.MachineId} not found");
            }

            var ip = NewIp(net, r.ProjectId, r.Type, Now);
            ip.Name = r.Name;
            ip.Description = r.Description;
            ip.MachineId = r.MachineId;
            ip.Tags = [.. (r.Tags ?? []).Distinct(StringComparer.Ordinal)];
            return ToResponse(ip);
        }
    }

    public IReadOnlyList<IPResponse> FindIPs(IPFindRequest f)
    {
        ArgumentNullException.ThrowIfNull(f);
        lock (_lock)
        {
            return [.. _ips.Values.Where(ip => Matches(ip, f)).Select(ToResponse)];
        }
    }

    public IReadOnlyList<IPResponse> ListIPs()
    {
        lock (_lock)
        {
            return [.. _ips.Values.Select(ToResponse)];
        }
    }

    public IPResponse GetIP(string address)
    {
        lock (_lock)
        {
            return _ips.TryGetValue(address, out var ip) ? ToResponse(ip) : throw SimError.NotFound($"no ip with id \"{address}\" found");
        }
    }

    public IPResponse UpdateIP(IPUpdateRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        lock (_lock)
        {
            if (!_ips.TryGetValue(r.IpAddress, out var ip))
            {
                throw SimError.NotFound($"no ip with id \"{r.IpAddress}\" found");
            }

            if (r.Type is not (IPTypes.Ephemeral or IPTypes.Static))
            {
                throw SimError.BadRequest($"ip type must be either {IPTypes.Ephemeral} or {IPTypes.Static}, got \"{r.Type}\"");
            }

            ip.Type = r.Type;
            ip.Name = r.Name ?? ip.Name;
            ip.Description = r.Description ?? ip.Description;
            if (r.Tags is not null)
            {
                ip.Tags = [.. r.Tags.Distinct(StringComparer.Ordinal)];
            }

            ip.Changed = Now;
            return ToResponse(ip);
        }
    }

    public IPResponse FreeIP(string address)
    {
        lock (_lock)
        {
            if (!_ips.TryGetValue(address, out var ip))
            {
                throw SimError.NotFound($"no ip with id \"{address}\" found");
            }

            var response = ToResponse(ip);
            ReleaseIp(ip);
            return response;
        }
    }

    private SimIp NewIp(SimNetwork net, string projectId, string type, DateTimeOffset now)
    {
        if (net.PrivateSuper)
        {
            throw SimError.BadRequest($"cannot allocate an ip in the private super network {net.Id}");
        }

        foreach (var prefix in net.Prefixes)
        {
            var small = prefix.Length >= 31;
            var first = small ? prefix.Network : prefix.Network + 1;
            var last = small ? prefix.Last : prefix.Last - 1;
            for (var a = first; a <= last && a >= first; a++)
            {
                if (net.UsedAddresses.Add(a))
                {
                    var ip = new SimIp
                    {
                        Address = Ipv4Prefix.Format(a),
                        Value = a,
                        NetworkId = net.Id,
                        ProjectId = projectId,
                        AllocationUuid = Guid.NewGuid().ToString(),
                        Type = type,
                        Created = now,
                        Changed = now,
                    };
                    _ips.Add(ip.Address, ip);
                    return ip;
                }
            }
        }

        throw SimError.Unprocessable($"no more ips in prefix: {string.Join(",", net.Prefixes)}");
    }

    private void ReleaseIp(SimIp ip)
    {
        _ips.Remove(ip.Address);
        if (_networks.TryGetValue(ip.NetworkId, out var net))
        {
            net.UsedAddresses.Remove(ip.Value);
        }
    }

    private bool Matches(SimIp ip, IPFindRequest f) =>
        (f.IpAddress is null || f.IpAddress == ip.Address) &&
        (f.NetworkId is null || f.NetworkId == ip.NetworkId) &&
        (f.ProjectId is null || f.ProjectId == ip.ProjectId) &&
        (f.MachineId is null || f.MachineId == ip.MachineId) &&
        (f.Type is null || f.Type == ip.Type) &&
        (f.AllocationUuid is null || f.AllocationUuid == ip.AllocationUuid) &&
        (f.Name is null || f.Name == ip.Name) &&
        (f.AddressFamily is null || f.AddressFamily == "IPv4") &&
        (f.NetworkPrefix is null || (_networks.TryGetValue(ip.NetworkId, out var n) && n.Prefixes.Any(p => p.ToString() == f.NetworkPrefix))) &&
        ContainsAll(ip.Tags, f.Tags);
}
