using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GardenerMetal.MetalApi.V1;
using GardenerMetal.MetalSim.Inventory;

namespace GardenerMetal.MetalSim.State;

/// <summary>
/// The simulated metal-api database. One lock guards every mutation, so a machine, an IP or a child prefix
/// can never be handed out twice, however many requests race.
/// </summary>
internal sealed partial class SimStore
{
    private const string SimHammerVersion = "v0.13.0-sim";

    private readonly Lock _lock = new();
    private readonly TimeProvider _clock;
    private readonly TimeSpan _step;
    private readonly Dictionary<string, PartitionResponse> _partitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SizeResponse> _sizes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImageResponse> _images = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProjectResponse> _projects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimNetwork> _networks = new(StringComparer.Ordinal);
    private readonly List<SimMachine> _machines = [];
    private readonly Dictionary<string, SimMachine> _machineById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimIp> _ips = new(StringComparer.Ordinal);

    // Allocation indexes (machines never change partition, size or rack): the allocated machines in inventory order,
    // and per partition/size the racks with their machines in inventory order. Kept so allocation does not scan the inventory.
    private readonly SortedSet<SimMachine> _allocated = new(Comparer<SimMachine>.Create((x, y) => x.Index.CompareTo(y.Index)));
    private readonly Dictionary<(string Partition, string Size), List<(string Rack, List<SimMachine> Machines)>> _pool = [];
    private long _nextVrf = 30;
    private long _nextAsn = 4_200_000_000;

    public SimStore(InventoryDocument doc, TimeProvider clock, TimeSpan step)
    {
        _clock = clock;
        _step = step;
        var now = clock.GetUtcNow();
        foreach (var p in doc.Partitions)
        {
            _partitions[p.Id!] = new PartitionResponse
            {
                Id = p.Id!,
                Name = p.Name ?? p.Id,
                Description = p.Description,
                BootConfig = new PartitionBootConfiguration
                {
                    ImageUrl = "http://sim.invalid/metal-hammer-initrd.img.lz4",
                    KernelUrl = "http://sim.invalid/metal-hammer-kernel",
                    CommandLine = "console=ttyS0",
                },
                Created = now,
                Changed = now,
            };
        }

        foreach (var s in doc.Sizes)
        {
            _sizes[s.Id!] = new SizeResponse
            {
                Id = s.Id!,
                Name = s.Name ?? s.Id,
                Description = s.Description,
                Labels = new Dictionary<string, string>(),
                Constraints =
                [
                    new SizeConstraint { Type = "cores", Min = s.CpuCores, Max = s.CpuCores },
                    new SizeConstraint { Type = "memory", Min = s.MemoryGiB * (1L << 30), Max = s.MemoryGiB * (1L << 30) },
                    new SizeConstraint { Type = "storage", Min = s.StorageGiB * (1L << 30), Max = s.StorageGiB * (1L << 30) },
                ],
                Created = now,
                Changed = now,
            };
        }

        foreach (var i in doc.Images)
        {
            _images[i.Id!] = new ImageResponse
            {
                Id = i.Id!,
                Name = i.Name ?? i.Id,
                Description = i.Description,
                Url = i.Url ?? $"http://sim.invalid/images/{i.Id}/img.tar.lz4",
                Features = [.. i.Features],
                Classification = i.Classification ?? "supported",
                ExpirationDate = now.AddYears(1),
                Created = now,
                Changed = now,
            };
        }

        foreach (var p in doc.Projects)
        {
            _projects[p.Id!] = new ProjectResponse
            {
                Meta = new Meta { Id = p.Id, Kind = "Project", ApiVersion = "v1", CreatedTime = now, UpdatedTime = now, Version = 1 },
                Name = p.Name ?? p.Id,
                Description = p.Description,
                TenantId = p.Tenant,
            };
        }

        foreach (var n in doc.Networks)
        {
            _networks[n.Id!] = new SimNetwork
            {
                Id = n.Id!,
                Name = n.Name,
                Description = n.Description,
                PartitionId = n.Partition,
                Prefixes = [.. n.Prefixes.Select(ParsePrefix)],
                DestinationPrefixes = [.. n.DestinationPrefixes],
                PrivateSuper = n.PrivateSuper,
                Nat = n.Nat,
                Underlay = n.Underlay,
                Shared = n.Shared,
                Vrf = n.Vrf,
                ChildPrefixLength = n.ChildPrefixLength,
                Labels = new Dictionary<string, string>(n.Labels, StringComparer.Ordinal),
                Created = now,
                Changed = now,
            };
        }

        var index = 0;
        for (var g = 0; g < doc.Machines.Count; g++)
        {
            var group = doc.Machines[g];
            for (var k = 0; k < group.Count; k++)
            {
                var id = group.Id ?? DeterministicId($"{group.Partition}/{group.Size}/{g}/{k}");
                var rack = group.Racks.Count == 0 ? "rack-1" : group.Racks[k % group.Racks.Count];
                var m = new SimMachine
                {
                    Id = id,
                    PartitionId = group.Partition!,
                    SizeId = group.Size!,
                    RackId = rack,
                    InventoryTags = [.. group.Tags],
                    Tags = [.. group.Tags],
                    Created = now,
                    Changed = now,
                    Index = index++,
                };
                var boot = now - TimeSpan.FromMinutes(5);
                AddEvent(m, boot, ProvisioningEventTypes.PxeBooting);
                AddEvent(m, boot.AddSeconds(20), ProvisioningEventTypes.Preparing);
                AddEvent(m, boot.AddSeconds(40), ProvisioningEventTypes.Registering);
                AddEvent(m, boot.AddSeconds(60), ProvisioningEventTypes.Waiting);
                _machines.Add(m);
                _machineById.Add(id, m);
                AddToPool(m);
            }
        }
    }

    private DateTimeOffset Now => _clock.GetUtcNow();

    private void AddToPool(SimMachine m)
    {
        if (!_pool.TryGetValue((m.PartitionId, m.SizeId), out var racks))
        {
            racks = [];
            _pool[(m.PartitionId, m.SizeId)] = racks;
        }

        var slot = racks.FindIndex(r => r.Rack == m.RackId);
        if (slot < 0)
        {
            racks.Add((m.RackId, [m]));
        }
        else
        {
            racks[slot].Machines.Add(m);
        }
    }

    private static Ipv4Prefix ParsePrefix(string text) =>
        Ipv4Prefix.TryParse(text, out var p, out var error) ? p : throw new MetalSimInventoryException(error);

    private static string DeterministicId(string seed)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }

    private static void AddEvent(SimMachine m, DateTimeOffset time, string evt, string? message = null) =>
        m.Events.Add(new MachineProvisioningEvent { Time = time, Event = evt, Message = message });

    private static bool ContainsAll(IReadOnlyCollection<string> have, IReadOnlyList<string>? want) =>
        want is null || want.All(have.Contains);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
