using GardenerMetal.Provider.Controllers.Worker;

namespace GardenerMetal.Worker.Tests;

public sealed class WorkerPoolHashTests
{
    [Fact]
    public void Compute_SameInputsInAnyOrder_SameFiveHexDigits()
    {
        var a = WorkerPoolHash.Compute(new Dictionary<string, string> { ["image"] = "ubuntu-24.04", ["size"] = "c1" });
        var b = WorkerPoolHash.Compute(new Dictionary<string, string> { ["size"] = "c1", ["image"] = "ubuntu-24.04" });

        Assert.Equal(a, b);
        Assert.True(WorkerPoolHash.IsHash(a));
    }

    [Fact]
    public void Compute_ValueMovedBetweenFields_ChangesTheHash()
    {
        var a = WorkerPoolHash.Compute(new Dictionary<string, string> { ["a"] = "x=1", ["b"] = "" });
        var b = WorkerPoolHash.Compute(new Dictionary<string, string> { ["a"] = "x", ["b"] = "1" });

        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData("ns-pool-0a1b2", "ns-pool", "0a1b2")]
    [InlineData("ns-pool-0A1B2", "ns-pool", null)]
    [InlineData("ns-pool-x-0a1b2", "ns-pool", null)]
    [InlineData("ns-other-0a1b2", "ns-pool", null)]
    public void FromClassName_Cases_ExtractsOnlyWellFormedHashes(string className, string deployment, string? expected)
    {
        Assert.Equal(expected, WorkerPoolHash.FromClassName(className, deployment));
    }
}
