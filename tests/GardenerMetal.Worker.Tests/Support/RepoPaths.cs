namespace GardenerMetal.Worker.Tests.Support;

/// <summary>Locates the repository root (the folder holding GardenerMetal.sln), ../shared/reference and this project's testdata.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Reference { get; } = FindReference();

    /// <summary>The source folder of the golden files (so that an update writes into the repository).</summary>
    public static string TestData { get; } = Path.Combine(Root, "tests", "GardenerMetal.Worker.Tests", "testdata");

    public static IEnumerable<string> McmCrds() => Directory.GetFiles(Path.Combine(Reference, "mcm-crds"), "*.yaml").Order(StringComparer.Ordinal);

    public static string GardenerCrd(string file) => Path.Combine(Reference, "gardener-crds", file);

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
