using GardenerMetal.Provider.Apis.V1Alpha1;

namespace GardenerMetal.Provider.Tests;

public class HostSelectorTests
{
    [Theory]
    [InlineData(new[] { "rack=r01", "metal-stack.io/size=c1" }, true)]
    [InlineData(new[] { "rack=r02", "metal-stack.io/size=c1" }, false)]
    [InlineData(new[] { "rack=r01", "metal-stack.io/size=c1", "broken" }, false)]
    [InlineData(new[] { "rack=r01" }, false)]
    public void Matches_MachineTags_LabelSelectorSemantics(string[] tags, bool expected)
    {
        var selector = new HostSelector
        {
            MatchLabels = new Dictionary<string, string> { ["rack"] = "r01" },
            MatchExpressions =
            [
                new HostSelectorRequirement { Key = "metal-stack.io/size", Operator = HostSelectorOperators.In, Values = ["c1", "c2"] },
                new HostSelectorRequirement { Key = "broken", Operator = HostSelectorOperators.DoesNotExist },
            ],
        };

        Assert.Equal(expected, selector.Matches(HostSelector.LabelsFromTags(tags)));
    }

    [Theory]
    [InlineData("master", true)]
    [InlineData("etcd", true)]
    [InlineData("node", false)]
    public void IsDedicated_Roles_TaintedUnlessNode(string role, bool dedicated) => Assert.Equal(dedicated, NodeRoles.IsDedicated(role));
}
