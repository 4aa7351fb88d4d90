namespace GardenerMetal.MetalSim.Tests;

public class InventoryTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task DefaultInventory_HasPartitionSizesImagesNetworks()
    {
        await using var sim = await MetalApiSimulator.StartAsync(new MetalSimOptions()).WaitAsync(Bound);
        using var client = sim.CreateClient();

        var sizes = sim.Machines().GroupBy(m => m.Size!.Id).ToDictionary(g => g.Key, g => g.Count());
        var images = await client.FindImagesAsync(new MetalApi.V1.ImageFindRequest()).WaitAsync(Bound);
        var networks = sim.Networks();

        Assert.True(sim.Machines().Count(m => m.Size!.Id != "n1-medium-x86") >= 8);
        Assert.True(sizes.Count >= 3);
        Assert.Contains(images, i => i.Features!.Contains("firewall"));
        Assert.Contains(networks, n => n.PrivateSuper && n.DefaultChildPrefixLength!["IPv4"] == 22);
        Assert.Contains(networks, n => n.Id == "internet" && n.DestinationPrefixes.Contains("0.0.0.0/0"));
    }

    [Theory]
    [InlineData("partitions: [{ id: a }]\nmachines: [{ partition: a, size: nope }]", "machines[0].size")]
    [InlineData("partitions: [{ id: a }, { id: a }]", "partitions[1].id")]
    [InlineData("partitions: [{ id: a }]\nnetworks: [{ id: n, prefixes: [10.0.0.1/16] }]", "networks[0].prefixes[0]")]
    [InlineData("partitions: [{ id: a }]\nnetworks: [{ id: n, partition: a, prefixes: [10.0.0.0/16], privateSuper: true, childPrefixLength: 8 }]", "networks[0].childPrefixLength")]
    [InlineData("partitions: [{ id: a }]\nbogus: 1", "invalid YAML")]
    [InlineData("sizes: []", "partitions")]
    public async Task StartAsync_InvalidInventory_ErrorNamesField(string yaml, string field)
    {
        var ex = await Assert.ThrowsAsync<MetalSimInventoryException>(() => MetalApiSimulator.StartAsync(new MetalSimOptions { InventoryYaml = yaml })).WaitAsync(Bound);

        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_BothInventorySources_ArgumentException() =>
        await Assert.ThrowsAsync<ArgumentException>(() => MetalApiSimulator.StartAsync(new MetalSimOptions { InventoryYaml = "x", InventoryPath = "y" })).WaitAsync(Bound);
}
