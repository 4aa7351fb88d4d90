using GardenerMetal.Extensions.Apis;
using GardenerMetal.Provider.Controllers.Worker;

namespace GardenerMetal.Worker.Tests;

public sealed class MachineDeploymentBuilderTests
{
    [Theory]
    [InlineData(2, 4, true, false, null, null, 0)]   // hibernated
    [InlineData(3, 3, false, false, 7, null, 3)]     // no autoscaler anywhere: minimum
    [InlineData(2, 4, false, true, null, null, 2)]   // new deployment: minimum
    [InlineData(2, 4, false, true, null, 3, 3)]      // new deployment during restore: saved replicas
    [InlineData(2, 4, false, true, 3, null, 3)]      // in range: the autoscaler's value is kept
    [InlineData(2, 4, false, true, 1, null, 2)]      // below the minimum
    [InlineData(2, 4, false, true, 9, null, 4)]      // above the maximum
    public void Replicas_Cases_FollowGardenersGenericActuator(int min, int max, bool hibernated, bool autoscaled, int? existing, int? restored, int expected)
    {
        var pool = new WorkerPool { Name = "p", Minimum = min, Maximum = max };

        Assert.Equal(expected, MachineDeploymentBuilder.Replicas(pool, hibernated, autoscaled, existing, restored));
    }
}
