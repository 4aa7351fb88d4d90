using GardenerMetal.Testing;

namespace GardenerMetal.McmStandIn.Tests;

/// <summary>The repository root and ../shared/reference (<see cref="RepoLayout"/>).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = RepoLayout.Root;

    public static string Reference { get; } = RepoLayout.Reference;

    public static string McmCrd(string file) => Path.Combine(Reference, "mcm-crds", file);
}
