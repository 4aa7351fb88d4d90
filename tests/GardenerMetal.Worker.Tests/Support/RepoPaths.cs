using GardenerMetal.Testing;

namespace GardenerMetal.Worker.Tests.Support;

/// <summary>This project's paths: the repository root and ../shared/reference (<see cref="RepoLayout"/>) and its testdata.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = RepoLayout.Root;

    public static string Reference { get; } = RepoLayout.Reference;

    /// <summary>The source folder of the golden files (so that an update writes into the repository).</summary>
    public static string TestData { get; } = Path.Combine(Root, "tests", "GardenerMetal.Worker.Tests", "testdata");

    public static IEnumerable<string> McmCrds() => Directory.GetFiles(Path.Combine(Reference, "mcm-crds"), "*.yaml").Order(StringComparer.Ordinal);

    public static string GardenerCrd(string file) => Path.Combine(Reference, "gardener-crds", file);
}
