using GardenerMetal.Provider.Controllers.ControlPlane;

namespace GardenerMetal.ControlPlane.Tests;

/// <summary>The embedded image vector and IMAGEVECTOR_OVERWRITE.</summary>
public sealed class ImageVectorTests
{
    [Fact]
    public void Load_Embedded_HasEveryImageTheRendererUses()
    {
        var vector = ImageVector.Load(null);

        foreach (var name in ImageNames.All)
        {
            Assert.Matches("^[a-z0-9.\\-/]+:[A-Za-z0-9._-]+$", vector.Image(name));
        }
    }

    [Fact]
    public void Load_OverwriteFile_ReplacesByNameAndKeepsTheRest()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                images:
                - name: metal-ccm
                  repository: registry.local/metal-ccm
                  tag: v9.9.9
                - name: csi-lvm-controller
                  tag: sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                """);

            var vector = ImageVector.Load(path);

            Assert.Equal("registry.local/metal-ccm:v9.9.9", vector.Image(ImageNames.MetalCcm));
            Assert.Equal("ghcr.io/metal-stack/csi-lvm-controller@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", vector.Image(ImageNames.CsiLvmController));
            Assert.Equal(ImageVector.Load(null).Image(ImageNames.CsiLvmProvisioner), vector.Image(ImageNames.CsiLvmProvisioner));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("images:\n- repository: x\n  tag: y\n", "images[0].name")]
    [InlineData("images:\n- name: brand-new\n  tag: y\n", "images[0].repository")]
    [InlineData("imgs: []\n", "images: Required value")]
    public void Parse_Malformed_ErrorNamesTheField(string yaml, string field)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ImageVector.Parse(yaml, "test.yaml"));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_Unknown_ErrorNamesTheImage()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => ImageVector.Load(null).Image("nope"));

        Assert.Contains("\"nope\"", error.Message, StringComparison.Ordinal);
    }
}
