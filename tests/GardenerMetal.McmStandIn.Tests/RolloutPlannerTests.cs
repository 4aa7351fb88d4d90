using System.Text.Json.Nodes;

namespace GardenerMetal.McmStandIn.Tests;

public sealed class RolloutPlannerTests
{
    private static readonly RolloutStrategy Rolling = new(Recreate: false, MaxSurge: 1, MaxUnavailable: 0);

    [Fact]
    public void Plan_NoOldSets_NewSetGetsDesired()
    {
        var plan = RolloutPlanner.Plan(3, Rolling, new MachineSetState("new", 1, 1, 1), []);

        Assert.Equal(3, plan.NewReplicas);
        Assert.Empty(plan.Delete);
    }

    [Fact]
    public void Plan_RollingStart_SurgesByOneAndKeepsOldRunning()
    {
        var plan = RolloutPlanner.Plan(3, Rolling, null, [new MachineSetState("old", 3, 3, 3)]);

        Assert.Equal(1, plan.NewReplicas);
        Assert.Equal(3, plan.OldReplicas["old"]);
    }

    [Fact]
    public void Plan_NewMachineRunning_OldShrinksByOne()
    {
        var plan = RolloutPlanner.Plan(3, Rolling, new MachineSetState("new", 1, 1, 1), [new MachineSetState("old", 3, 3, 3)]);

        Assert.Equal(1, plan.NewReplicas);
        Assert.Equal(2, plan.OldReplicas["old"]);
    }

    [Fact]
    public void Plan_NewMachineNotRunningYet_OldKeepsAll()
    {
        var plan = RolloutPlanner.Plan(3, Rolling, new MachineSetState("new", 1, 1, 0), [new MachineSetState("old", 3, 3, 3)]);

        Assert.Equal(3, plan.OldReplicas["old"]);
    }

    [Fact]
    public void Plan_UnhealthyOldMachines_RemovedRegardlessOfBudget()
    {
        var plan = RolloutPlanner.Plan(3, Rolling, new MachineSetState("new", 1, 1, 0), [new MachineSetState("old", 3, 3, 1)]);

        Assert.Equal(1, plan.OldReplicas["old"]);
    }

    [Fact]
    public void Plan_EmptiedOldSet_Deleted()
    {
        var plan = RolloutPlanner.Plan(3, Rolling, new MachineSetState("new", 3, 3, 3), [new MachineSetState("old", 0, 0, 0), new MachineSetState("older", 0, 1, 0)]);

        Assert.Equal(["old"], plan.Delete);
        Assert.Equal(3, plan.NewReplicas);
    }

    [Fact]
    public void Plan_Recreate_NewWaitsUntilOldMachinesGone()
    {
        var recreate = new RolloutStrategy(Recreate: true, 0, 0);

        var during = RolloutPlanner.Plan(2, recreate, null, [new MachineSetState("old", 2, 2, 2)]);
        var after = RolloutPlanner.Plan(2, recreate, new MachineSetState("new", 0, 0, 0), [new MachineSetState("old", 0, 0, 0)]);

        Assert.Equal(0, during.NewReplicas);
        Assert.Equal(0, during.OldReplicas["old"]);
        Assert.Equal(2, after.NewReplicas);
    }

    [Fact]
    public void Plan_BothBudgetsZero_StillProgresses()
    {
        var plan = RolloutPlanner.Plan(2, new RolloutStrategy(false, 0, 0), null, [new MachineSetState("old", 2, 2, 2)]);

        Assert.Equal(1, plan.OldReplicas["old"]);
    }

    [Theory]
    [InlineData("""{"rollingUpdate":{"maxSurge":"50%","maxUnavailable":"50%"}}""", 3, 2, 1)]
    [InlineData("""{"rollingUpdate":{"maxSurge":2,"maxUnavailable":"1"}}""", 3, 2, 1)]
    [InlineData("""{}""", 3, 1, 0)]
    public void ResolveStrategy_IntOrPercent_Resolved(string json, int desired, int surge, int unavailable)
    {
        var strategy = RolloutPlanner.ResolveStrategy(JsonNode.Parse(json), desired);

        Assert.Equal(new RolloutStrategy(false, surge, unavailable), strategy);
    }

    [Fact]
    public void ResolveStrategy_BadValue_NamesField()
    {
        var ex = Assert.Throws<FormatException>(() => RolloutPlanner.ResolveStrategy(JsonNode.Parse("""{"rollingUpdate":{"maxSurge":"many"}}"""), 3));

        Assert.Contains("spec.strategy.rollingUpdate.maxSurge", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveStrategy_UnknownType_NamesField()
    {
        var ex = Assert.Throws<FormatException>(() => RolloutPlanner.ResolveStrategy(JsonNode.Parse("""{"type":"BlueGreen"}"""), 3));

        Assert.Contains("spec.strategy.type", ex.Message, StringComparison.Ordinal);
    }
}
