using GardenerMetal.MetalApi.V1;

namespace GardenerMetal.MetalSim.State;

/// <summary>Maps simulated entities to metal-api v1 response shapes.</summary>
internal sealed partial class SimStore
{
    public static FirewallResponse ToFirewall(MachineResponse m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new FirewallResponse
        {
            Id = m.Id,
            Name = m.Name,
            Description = m.Description,
            Allocation = m.Allocation,
            Bios = m.Bios,
            Changed = m.Changed,
            Created = m.Created,
            Events = m.Events,
            Hardware = m.Hardware,
            LedState = m.LedState,
            Liveliness = m.Liveliness,
            Partition = m.Partition,
            RackId = m.RackId,
            Size = m.Size,
            State = m.State,
            Tags = m.Tags,
        };
    }

    private MachineResponse ToResponse(SimMachine m, DateTimeOffset now)
    {
        var size = _sizes[m.SizeId];
        var visible = new List<MachineProvisioningEvent>(m.Events.Count);
        for (var i = m.Events.Count - 1; i >= 0; i--)
        {
            if (m.Events[i].Time <= now)
            {
                visible.Add(m.Events[i]);
            }
        }

        var a = m.Allocation;
        return new MachineResponse
        {
            Id = m.Id,
            Name = m.Id,
            RackId = m.RackId,
            Created = m.Created,
            Changed = m.Changed,
            Tags = [.. m.Tags],
            Liveliness = m.Liveliness ?? MachineLiveliness.Alive,
            Partition = _partitions[m.PartitionId],
            Size = size,
            State = new MachineState { Value = m.StateValue, Description = "", MetalHammerVersion = SimHammerVersion },
            LedState = new ChassisIdentifyLEDState { Value = "", Description = "" },
            Bios = new MachineBIOS { Vendor = "GardenerMetal Sim", Version = "1.0", Date = "01/01/2025" },
            Hardware = new MachineHardware
            {
                CpuCores = (int)(size.Constraints.FirstOrDefault(c => c.Type == "cores")?.Min ?? 1),
                Memory = size.Constraints.FirstOrDefault(c => c.Type == "memory")?.Min ?? 0,
                Disks = [new MachineBlockDevice { Name = "/dev/sda", Size = size.Constraints.FirstOrDefault(c => c.Type == "storage")?.Min ?? 0 }],
                Nics =
                [
                    new MachineNic { Name = "lan0", Identifier = "lan0", Mac = Mac(m.Index, 0), Neighbors = [] },
                    new MachineNic { Name = "lan1", Identifier = "lan1", Mac = Mac(m.Index, 1), Neighbors = [] },
                ],
            },
            Events = new MachineRecentProvisioningEvents
            {
                Log = visible,
                LastEventTime = visible.Count > 0 ? visible[0].Time : null,
                CrashLoop = false,
                FailedMachineReclaim = false,
            },
            Allocation = a is null ? null : new MachineAllocation
            {
                AllocationUuid = a.Uuid,
                Created = a.Created,
                Creator = a.Creator,
                Description = a.Description,
                DnsServers = a.DnsServers,
                NtpServers = a.NtpServers,
                FirewallRules = a.FirewallRules,
                Hostname = a.Hostname,
                Image = _images[a.ImageId],
                Name = a.Name,
                Networks = [.. a.Networks],
                Project = a.ProjectId,
                Reinstall = false,
                Role = a.Role,
                SshPubKeys = a.SshPubKeys,
                Succeeded = now >= a.PhonedHomeAt,
                UserData = a.UserData,
            },
        };
    }

    private NetworkResponse ToResponse(SimNetwork n)
    {
        var usable = n.Prefixes.Sum(p => (long)(p.Length >= 31 ? p.Size : p.Size - 2));
        var childSize = n.PrivateSuper ? 1L << (32 - n.ChildPrefixLength) : 0;
        var usage = new NetworkUsage
        {
            AvailableIps = usable,
            UsedIps = n.UsedAddresses.Count,
            AvailablePrefixes = n.PrivateSuper ? n.Prefixes.Sum(p => (long)p.Size) / childSize : 0,
            UsedPrefixes = n.Children.Count,
        };
        return new NetworkResponse
        {
            Id = n.Id,
            Name = n.Name,
            Description = n.Description,
            PartitionId = n.PartitionId,
            ProjectId = n.ProjectId,
            Prefixes = [.. n.Prefixes.Select(p => p.ToString())],
            DestinationPrefixes = [.. n.DestinationPrefixes],
            Nat = n.Nat,
            NatType = n.Nat ? "ipv4-masq" : "none",
            NetworkType = n.PrivateSuper ? "super" : n.ParentNetworkId is not null ? "child" : n.Underlay ? "underlay" : "external",
            PrivateSuper = n.PrivateSuper,
            Underlay = n.Underlay,
            Shared = n.Shared,
            Vrf = n.Vrf == 0 ? null : n.Vrf,
            ParentNetworkId = n.ParentNetworkId,
            Labels = new Dictionary<string, string>(n.Labels, StringComparer.Ordinal),
            DefaultChildPrefixLength = n.PrivateSuper ? new Dictionary<string, long> { ["IPv4"] = n.ChildPrefixLength } : null,
            Usage = usage,
            Consumption = new NetworkConsumption { IPv4 = usage },
            Created = n.Created,
            Changed = n.Changed,
        };
    }

    private static IPResponse ToResponse(SimIp ip) => new()
    {
        IpAddress = ip.Address,
        AllocationUuid = ip.AllocationUuid,
        NetworkId = ip.NetworkId,
        ProjectId = ip.ProjectId,
        Type = ip.Type,
        Name = ip.Name,
        Description = ip.Description,
        Tags = [.. ip.Tags],
        Created = ip.Created,
        Changed = ip.Changed,
    };

    private static string Mac(int index, int nic) =>
        $"52:54:00:{(index >> 8) & 255:x2}:{index & 255:x2}:{nic:x2}";
}
