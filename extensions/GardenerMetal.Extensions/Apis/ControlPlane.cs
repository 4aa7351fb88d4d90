namespace GardenerMetal.Extensions.Apis;

/// <summary>extensions.gardener.cloud/v1alpha1 ControlPlane.</summary>
public sealed class ControlPlane : ExtensionResource<ControlPlaneSpec, ControlPlaneStatus>
{
    /// <summary>The kind name.</summary>
    public const string KindName = "ControlPlane";
}
