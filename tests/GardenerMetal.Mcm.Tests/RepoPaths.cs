namespace GardenerMetal.Mcm.Tests;

/// <summary>The repository root (the folder holding GardenerMetal.sln) and the shared reference folder beside it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/reference/mcm-crds beside the repository (in a worktree, the nearest ancestor's shared/).</summary>
    public static string McmCrds { get; } = FindShared("reference", "mcm-crds");

    public static string DefaultInventory => Path.Combine(Root, "hack", "GardenerMetal.MetalSim", "inventory", "default.yaml");

    private static string FindShared(params string[] parts)
    {
        for (var dir = new DirectoryInfo(Root).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, "shared", .. parts]);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"no shared/{string.Join('/', parts)} beside {Root} or above it");
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
