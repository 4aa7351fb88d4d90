using GardenerMetal.Testing;

namespace GardenerMetal.OsConfig.Tests;

/// <summary>The repository root, the shared reference folder (<see cref="RepoLayout"/>) and this project's source testdata.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = RepoLayout.Root;

    /// <summary>The source testdata folder (golden files are updated there with UPDATE_GOLDEN=1).</summary>
    public static string SourceTestData => Path.Combine(Root, "tests", "GardenerMetal.OsConfig.Tests", "testdata");

    /// <summary>The upstream reference artefacts.</summary>
    public static string Reference => RepoLayout.Reference;
}
