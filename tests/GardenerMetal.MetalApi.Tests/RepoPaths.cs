namespace GardenerMetal.MetalApi.Tests;

/// <summary>Locates the repository root (folder with GardenerMetal.sln) and the shared reference artefacts beside it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/reference/metal-api/metal-api.json from the repo root (for worktrees one level deeper, ../../shared).</summary>
    public static string Swagger => Reference(Path.Combine("metal-api", "metal-api.json"));

    public static string Reference(string relative)
    {
        for (var dir = Directory.GetParent(Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference", relative));
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

        throw new InvalidOperationException($"no GardenerMetal.sln above {AppContext.BaseDirectory}");
    }
}
