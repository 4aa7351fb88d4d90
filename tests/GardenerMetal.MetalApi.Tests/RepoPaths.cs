using GardenerMetal.Testing;

namespace GardenerMetal.MetalApi.Tests;

/// <summary>The repository root and the shared reference artefacts (<see cref="RepoLayout"/>).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = RepoLayout.Root;

    /// <summary>../shared/reference/metal-api/metal-api.json.</summary>
    public static string Swagger => Reference(Path.Combine("metal-api", "metal-api.json"));

    public static string Reference(string relative) => RepoLayout.ReferencePath(relative);
}
