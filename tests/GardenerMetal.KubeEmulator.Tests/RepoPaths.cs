using GardenerMetal.Testing;

namespace GardenerMetal.KubeEmulator.Tests;

/// <summary>The repository root and the shared reference artefacts (<see cref="RepoLayout"/>).</summary>
internal static class RepoPaths
{
    public static string Root => RepoLayout.Root;

    /// <summary>A path below ../shared/reference.</summary>
    public static string Reference(params string[] parts) => RepoLayout.ReferencePath(parts);
}
