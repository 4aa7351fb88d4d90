namespace GardenerMetal.Extensions.Apis;

/// <summary>extensions.gardener.cloud/v1alpha1 OperatingSystemConfig.</summary>
public sealed class OperatingSystemConfig : ExtensionResource<OperatingSystemConfigSpec, OperatingSystemConfigStatus>
{
    /// <summary>The kind name.</summary>
    public const string KindName = "OperatingSystemConfig";
}
