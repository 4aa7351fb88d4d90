using GardenerMetal.Testing;

namespace GardenerMetal.ControlPlane.Tests.Support;

/// <summary>This project's paths: the repository root and ../shared/reference (<see cref="RepoLayout"/>) and its testdata.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = RepoLayout.Root;

    public static string Reference { get; } = RepoLayout.Reference;

    /// <summary>The source folder of the golden files (so that an update writes into the repository).</summary>
    public static string TestData { get; } = Path.Combine(Root, "tests", "GardenerMetal.ControlPlane.Tests", "testdata");

    public static string GardenerCrd(string file) => Path.Combine(Reference, "gardener-crds", file);

    public static string SeedCrd(string file) => Path.Combine(Reference, "gardener-seed-crds", file);
}
