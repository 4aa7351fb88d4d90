using GardenerMetal.Provider.Apis.V1Alpha1;

namespace GardenerMetal.Provider.Validation;

/// <summary>Resolves <c>firewall.controllerVersion</c> against a control plane's versions (rule V10).</summary>
public static class FirewallControllerVersions
{
    /// <summary>The value meaning "newest supported".</summary>
    public const string Auto = "auto";

    /// <summary>
    /// "" or "auto": the newest semver version classified supported; otherwise the listed entry with
    /// exactly that version. Null when there is none.
    /// </summary>
    public static FirewallControllerVersion? Resolve(IReadOnlyList<FirewallControllerVersion>? available, string? requested)
    {
        available ??= [];
        if (string.IsNullOrEmpty(requested) || requested == Auto)
        {
            return available
                .Where(v => v.Classification == VersionClassifications.Supported)
                .Select(v => (Entry: v, Version: SemanticVersion.Parse(v.Version)))
                .Where(v => v.Version is not null)
                .OrderByDescending(v => v.Version)
                .Select(v => v.Entry)
                .FirstOrDefault();
        }

        return available.FirstOrDefault(v => v.Version == requested);
    }
}
