namespace GardenerMetal.Extensions.Tests.TestSupport;

/// <summary>Locates the repository root (the folder holding GardenerMetal.sln) and the shared reference data.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/reference from the repository root (searched upwards, so git worktrees one level deeper work too).</summary>
    public static string Reference { get; } = FindReference();

    private static string FindReference()
    {
        for (var dir = new DirectoryInfo(Root).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No shared/reference folder above {Root}.");
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

        throw new InvalidOperationException($"No folder containing GardenerMetal.sln above {AppContext.BaseDirectory}.");
    }
}
