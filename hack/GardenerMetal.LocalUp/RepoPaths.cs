namespace GardenerMetal.LocalUp;

/// <summary>
/// Finds the repository root (the first folder above <see cref="AppContext.BaseDirectory"/> or the working directory
/// holding GardenerMetal.sln) and the upstream reference data (the first <c>shared/reference</c> above the root: <c>../shared</c>
/// in a checkout, further up in a worktree).
/// </summary>
public static class RepoPaths
{
    /// <summary>The repository root.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The <c>shared/reference</c> folder.</summary>
    public static string Reference => FindReference(Root);

    /// <summary><c>hack/local-up</c>: the example shoot and the simulator inventory.</summary>
    public static string LocalUpManifests => Path.Combine(Root, "hack", "local-up");

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GardenerMetal.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new LocalUpException($"no folder containing GardenerMetal.sln above {AppContext.BaseDirectory} or the working directory; run from the repository");
    }

    private static string FindReference(string root)
    {
        for (var dir = new DirectoryInfo(root).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new LocalUpException($"no shared/reference folder above {root} (the upstream CRDs live there)");
    }
}
