using GardenerMetal.MetalSim.State;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace GardenerMetal.MetalSim.Inventory;

/// <summary>Parses and validates the inventory YAML; every error names its field path.</summary>
internal static class InventoryLoader
{
    public static string DefaultYaml()
    {
        using var stream = typeof(InventoryLoader).Assembly.GetManifestResourceStream("GardenerMetal.MetalSim.default-inventory.yaml")
            ?? throw new InvalidOperationException("default inventory resource is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static InventoryDocument Parse(string yaml)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build();
        InventoryDocument? doc;
        try
        {
            doc = deserializer.Deserialize<InventoryDocument>(yaml);
        }
        catch (YamlException ex)
        {
            throw new MetalSimInventoryException($"inventory: invalid YAML at line {ex.Start.Line}, column {ex.Start.Column}: {(ex.InnerException ?? ex).Message}", ex);
        }

        doc ??= new InventoryDocument();
        Validate(doc);
        return doc;
    }

    private static void Validate(InventoryDocument doc)
    {
        var partitions = Ids(doc.Partitions.Select(p => p.Id), "partitions");
        var sizes = Ids(doc.Sizes.Select(s => s.Id), "sizes");
        Ids(doc.Images.Select(i => i.Id), "images");
        Ids(doc.Projects.Select(p => p.Id), "projects");
        Ids(doc.Networks.Select(n => n.Id), "networks");
        if (partitions.Count == 0)
        {
            Fail("partitions", "at least one partition is required");
        }

        for (var i = 0; i < doc.Sizes.Count; i++)
        {
            var s = doc.Sizes[i];
            if (s.CpuCores <= 0 || s.MemoryGiB <= 0 || s.StorageGiB <= 0)
            {
                Fail($"sizes[{i}]", "cpuCores, memoryGiB and storageGiB must be positive");
            }
        }

        for (var i = 0; i < doc.Images.Count; i++)
        {
            foreach (var f in doc.Images[i].Features)
            {
                if (f is not ("machine" or "firewall"))
                {
                    Fail($"images[{i}].features", $"unknown feature '{f}' (machine, firewall)");
                }
            }
        }

        var superPartitions = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < doc.Networks.Count; i++)
        {
            var n = doc.Networks[i];
            var path = $"networks[{i}]";
            if (n.Prefixes.Count == 0)
            {
                Fail($"{path}.prefixes", "at least one prefix is required");
            }

            for (var j = 0; j < n.Prefixes.Count; j++)
            {
                if (!Ipv4Prefix.TryParse(n.Prefixes[j], out _, out var error))
                {
                    Fail($"{path}.prefixes[{j}]", error);
                }
            }

            for (var j = 0; j < n.DestinationPrefixes.Count; j++)
            {
                if (!Ipv4Prefix.TryParse(n.DestinationPrefixes[j], out _, out var error))
                {
                    Fail($"{path}.destinationPrefixes[{j}]", error);
                }
            }

            if (n.Partition is not null && !partitions.Contains(n.Partition))
            {
                Fail($"{path}.partition", $"unknown partition '{n.Partition}'");
            }

            if (n.PrivateSuper)
            {
                if (n.Partition is null)
                {
                    Fail($"{path}.partition", "a private super network needs a partition");
                }

                if (!superPartitions.Add(n.Partition!))
                {
                    Fail($"{path}.privateSuper", $"partition '{n.Partition}' already has a private super network");
                }

                var shortest = n.Prefixes.Select(p => Ipv4Prefix.TryParse(p, out var x, out _) ? x.Length : 32).Max();
                if (n.ChildPrefixLength <= shortest || n.ChildPrefixLength > 30)
                {
                    Fail($"{path}.childPrefixLength", $"must be longer than the prefixes ({shortest}) and at most 30");
                }
            }
        }

        for (var i = 0; i < doc.Machines.Count; i++)
        {
            var m = doc.Machines[i];
            var path = $"machines[{i}]";
            if (m.Partition is null || !partitions.Contains(m.Partition))
            {
                Fail($"{path}.partition", $"unknown partition '{m.Partition}'");
            }

            if (m.Size is null || !sizes.Contains(m.Size))
            {
                Fail($"{path}.size", $"unknown size '{m.Size}'");
            }

            if (m.Count <= 0)
            {
                Fail($"{path}.count", "must be positive");
            }

            if (m.Id is not null && m.Count != 1)
            {
                Fail($"{path}.id", "a fixed id needs count 1");
            }
        }

        var fixedIds = doc.Machines.Where(m => m.Id is not null).Select(m => m.Id!).ToList();
        if (fixedIds.Distinct(StringComparer.Ordinal).Count() != fixedIds.Count)
        {
            Fail("machines", "machine ids must be unique");
        }
    }

    private static HashSet<string> Ids(IEnumerable<string?> ids, string path)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var id in ids)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                Fail($"{path}[{i}].id", "is required");
            }

            if (!set.Add(id!))
            {
                Fail($"{path}[{i}].id", $"duplicate id '{id}'");
            }

            i++;
        }

        return set;
    }

    private static void Fail(string path, string message) =>
        throw new MetalSimInventoryException($"inventory: {path}: {message}");
}
