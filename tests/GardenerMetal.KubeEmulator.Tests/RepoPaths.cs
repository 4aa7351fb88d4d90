namespace GardenerMetal.KubeEmulator.Tests;

/// <summary>Finds the repository root (the folder with GardenerMetal.sln) and the shared reference artefacts.</summary>
internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GardenerMetal.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("GardenerMetal.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>
    /// ../shared/reference beside the repository root (for a git worktree nested one level deeper,
    /// the first ancestor that has shared/reference).
    /// </summary>
    public static string Reference(params string[] parts)
    {
        var dir = Directory.GetParent(Root);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "shared", "reference")))
        {
            dir = dir.Parent;
        }

        var baseDir = dir is null ? Path.Combine(Root, "..", "shared", "reference") : Path.Combine(dir.FullName, "shared", "reference");
        return Path.GetFullPath(Path.Combine([baseDir, .. parts]));
    }
}
