using GardenerMetal.Kubernetes.Controllers;
using GardenerMetal.Kubernetes.Selectors;

namespace GardenerMetal.Kubernetes.Tests.Selectors;

public sealed class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["app"] = "web",
        ["tier"] = "frontend",
        ["node-role.kubernetes.io/master"] = "",
    };

    [Theory]
    [InlineData("", true)]
    [InlineData("app=web", true)]
    [InlineData("app==web", true)]
    [InlineData("app!=web", false)]
    [InlineData("app!=db", true)]
    [InlineData("missing!=x", true)]
    [InlineData("tier in (frontend, backend)", true)]
    [InlineData("tier notin (frontend)", false)]
    [InlineData("missing notin (a)", true)]
    [InlineData("node-role.kubernetes.io/master", true)]
    [InlineData("!node-role.kubernetes.io/master", false)]
    [InlineData("!legacy,app=web", true)]
    [InlineData("app=web,tier=backend", false)]
    [InlineData("node-role.kubernetes.io/master=", true)]
    public void Parse_Expression_MatchesLikeTheApiServer(string text, bool expected)
    {
        Assert.Equal(expected, LabelSelector.Parse(text).Matches(Labels));
    }

    [Theory]
    [InlineData("app=")]
    [InlineData("a in (x,y),!b,c!=d,e")]
    [InlineData("example.com/role notin (a)")]
    public void ToString_ParsedSelector_RoundTrips(string text)
    {
        var once = LabelSelector.Parse(text).ToString();

        Assert.Equal(once, LabelSelector.Parse(once).ToString());
        Assert.Equal(text, once);
    }

    [Theory]
    [InlineData("app in a", "expected '('")]
    [InlineData("app = web = x", "expected ','")]
    [InlineData("-bad=x", "Label key '-bad'")]
    [InlineData("app foo (x)", "expected '=', '!=', 'in' or 'notin'")]
    [InlineData("a,,b", "expected a label key")]
    public void Parse_Invalid_ThrowsFormatExceptionNamingTheProblem(string text, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => LabelSelector.Parse(text));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_FluentRequirements_ProduceSelectorSyntax()
    {
        var selector = LabelSelector.Everything.Equal("app", "web").In("tier", "a", "b").DoesNotExist("legacy").Exists("x");

        Assert.Equal("app=web,tier in (a,b),!legacy,x", selector.ToString());
        Assert.Equal("a=1,b=2", LabelSelector.FromMatchLabels(new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" }).ToString());
        Assert.Throws<ArgumentException>(() => LabelSelector.Everything.Equal("app", "not valid"));
    }

    [Fact]
    public void ObjectKey_SplitAndCreate_AreInverse()
    {
        Assert.Equal(("ns", "n"), ObjectKey.Split(ObjectKey.Create("ns", "n")));
        Assert.Equal((null, "n"), ObjectKey.Split(ObjectKey.Create(null, "n")));
        Assert.Throws<FormatException>(() => ObjectKey.Split("a/b/c"));
    }
}
