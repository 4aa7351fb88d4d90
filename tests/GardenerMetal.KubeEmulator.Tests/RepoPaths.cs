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

    public static string Reference(params string[] parts) =>
        Path.GetFullPath(Path.Combine([Root, "..", "shared", "reference", .. parts]));
}
