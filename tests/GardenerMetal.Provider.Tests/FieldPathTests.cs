using GardenerMetal.Provider.Validation;

namespace GardenerMetal.Provider.Tests;

public class FieldPathTests
{
    [Fact]
    public void Value_MixedSegments_RendersKubernetesStyle()
    {
        var path = FieldPath.Root("spec", "provider").Child("workers").Index(2).Child("providerConfig", "hostSelector").Child("matchLabels").Key("rack.example.com/id");

        Assert.Equal("spec.provider.workers[2].providerConfig.hostSelector.matchLabels[rack.example.com/id]", path.Value);
        Assert.Equal(path.Value, path.ToString());
    }

    [Fact]
    public void Child_OfEmptyRoot_HasNoLeadingDot()
    {
        Assert.Equal("data", FieldPath.Root(string.Empty).Child("data").Value);
        Assert.Equal("[0]", FieldPath.Root(string.Empty).Index(0).Value);
    }

    [Fact]
    public void Equals_SameRenderingBuiltDifferently_AreEqual()
    {
        var a = FieldPath.Root("spec", "networking", "pods");
        var b = FieldPath.Root("spec").Child("networking").Child("pods");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(FieldPath.Root("spec").Key("networking"), FieldPath.Root("spec").Child("networking"));
    }
}
