namespace GardenerMetal.McmStandIn.Tests;

/// <summary>Locates the repository root (the folder holding GardenerMetal.sln) and the first shared/reference above it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Reference { get; } = FindReference();

    public static string McmCrd(string file) => Path.Combine(Reference, "mcm-crds", file);

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
