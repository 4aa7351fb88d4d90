namespace GardenerMetal.OsConfig.Tests;

/// <summary>Locates the repository root (folder with GardenerMetal.sln) and the shared reference folder beside it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The source testdata folder (golden files are updated there with UPDATE_GOLDEN=1).</summary>
    public static string SourceTestData => Path.Combine(Root, "tests", "GardenerMetal.OsConfig.Tests", "testdata");

    /// <summary>The upstream reference artefacts: ../shared/reference from the repository root (worktrees: one level further up).</summary>
    public static string Reference
    {
        get
        {
            foreach (var candidate in new[] { Path.Combine(Root, "..", "shared", "reference"), Path.Combine(Root, "..", "..", "shared", "reference") })
            {
                if (Directory.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }

            throw new DirectoryNotFoundException($"shared/reference not found next to the repository root {Root}");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GardenerMetal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("GardenerMetal.sln not found above " + AppContext.BaseDirectory);
    }
}
