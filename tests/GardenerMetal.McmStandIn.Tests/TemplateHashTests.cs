using System.Text.Json.Nodes;

namespace GardenerMetal.McmStandIn.Tests;

public sealed class TemplateHashTests
{
    [Fact]
    public void Compute_ReorderedKeys_SameHash()
    {
        var a = JsonNode.Parse("""{"spec":{"class":{"kind":"MachineClass","name":"c1"},"nodeTemplate":{"a":1}},"metadata":{"labels":{"x":"1","y":"2"}}}""");
        var b = JsonNode.Parse("""{"metadata":{"labels":{"y":"2","x":"1"}},"spec":{"nodeTemplate":{"a":1},"class":{"name":"c1","kind":"MachineClass"}}}""");

        Assert.Equal(TemplateHash.Compute(a), TemplateHash.Compute(b));
    }

    [Fact]
    public void Compute_ChangedClass_DifferentHash()
    {
        var a = JsonNode.Parse("""{"spec":{"class":{"kind":"MachineClass","name":"c1"}}}""");
        var b = JsonNode.Parse("""{"spec":{"class":{"kind":"MachineClass","name":"c2"}}}""");

        Assert.NotEqual(TemplateHash.Compute(a), TemplateHash.Compute(b));
    }

    [Fact]
    public void Compute_NullMember_SameAsAbsent()
    {
        var a = JsonNode.Parse("""{"spec":{"class":{"name":"c1"},"providerID":null}}""");
        var b = JsonNode.Parse("""{"spec":{"class":{"name":"c1"}}}""");

        var hash = TemplateHash.Compute(a);

        Assert.Equal(TemplateHash.Compute(b), hash);
        Assert.Matches("^[0-9a-f]{10}$", hash);
    }
}
