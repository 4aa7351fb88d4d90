using GardenerMetal.Provider.Validation;

namespace GardenerMetal.Provider.Defaulting;

/// <summary>Picks the default firewall image.</summary>
public static class FirewallImages
{
    /// <summary>
    /// The image with the highest semantic version after its last '-' (e.g. <c>firewall-ubuntu-3.0.20240101</c>);
    /// ties go to the ordinally smaller name. Images without a version count only when none has one
    /// (then the first listed). Upstream instead sorts by OS name first and can return an older image.
    /// </summary>
    public static string? Newest(IReadOnlyList<string>? images)
    {
        if (images is null || images.Count == 0)
        {
            return null;
        }

        var versioned = images
            .Select(image => (Image: image, Version: image.LastIndexOf('-') is var dash and > 0 ? SemanticVersion.Parse(image[(dash + 1)..]) : null))
            .Where(v => v.Version is not null)
            .OrderByDescending(v => v.Version)
            .ThenBy(v => v.Image, StringComparer.Ordinal)
            .Select(v => v.Image)
            .FirstOrDefault();
        return versioned ?? images[0];
    }
}
