using GardenerMetal.Provider.Apis.Core;
using MetalMachineImage = GardenerMetal.Provider.Apis.V1Alpha1.MachineImage;

namespace GardenerMetal.Provider.Controllers.Worker;

/// <summary>
/// Maps a pool's machine image (name, version) to the metal-api image ID: the operator's mapping first (upstream
/// ControllerConfiguration <c>machineImages</c>), then the metal-stack naming <c>&lt;name&gt;-&lt;version&gt;</c>
/// for images the CloudProfile offers, then the image already recorded in the Worker's provider status (an image
/// the CloudProfile has withdrawn must not break running pools, as upstream).
/// </summary>
internal static class MachineImageResolver
{
    /// <summary>The image ID, or null when neither source knows the image.</summary>
    public static string? Resolve(
        string name,
        string version,
        IReadOnlyList<MetalMachineImage> operatorMapping,
        CloudProfile cloudProfile,
        IReadOnlyList<MetalMachineImage>? previous)
    {
        ArgumentNullException.ThrowIfNull(operatorMapping);
        ArgumentNullException.ThrowIfNull(cloudProfile);
        if (operatorMapping.FirstOrDefault(m => m.Name == name && m.Version == version) is { Image: { Length: > 0 } mapped })
        {
            return mapped;
        }

        if (Offers(cloudProfile).Contains(name + "-" + version))
        {
            return name + "-" + version;
        }

        return previous?.FirstOrDefault(m => m.Name == name && m.Version == version)?.Image is { Length: > 0 } recorded ? recorded : null;
    }

    /// <summary>The CloudProfile's offers as <c>name-version</c>, sorted.</summary>
    public static SortedSet<string> Offers(CloudProfile cloudProfile)
    {
        ArgumentNullException.ThrowIfNull(cloudProfile);
        var offered = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var image in cloudProfile.Spec.MachineImages ?? [])
        {
            foreach (var version in image.Versions ?? [])
            {
                offered.Add(image.Name + "-" + version.Version);
            }
        }

        return offered;
    }
}
