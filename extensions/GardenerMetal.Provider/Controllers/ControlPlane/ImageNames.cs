namespace GardenerMetal.Provider.Controllers.ControlPlane;

/// <summary>The names of the image vector entries the ControlPlane controller uses.</summary>
public static class ImageNames
{
    public const string MetalCcm = "metal-ccm";
    public const string CsiLvmController = "csi-lvm-controller";
    public const string CsiLvmProvisioner = "csi-lvm-provisioner";

    /// <summary>Every image the renderer needs.</summary>
    public static IReadOnlyList<string> All { get; } = [MetalCcm, CsiLvmController, CsiLvmProvisioner];
}
