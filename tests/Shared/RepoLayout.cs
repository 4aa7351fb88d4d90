namespace GardenerMetal.Testing;

/// <summary>
/// Where the repository and the upstream reference artefacts are. The root is the first folder above the running
/// binary (or, failing that, the working directory) that holds GardenerMetal.sln; the artefacts are the first
/// <c>shared/reference</c> above the root — <c>../shared/reference</c> in a checkout, further up in a nested git
/// worktree. One copy, compiled into every test and benchmark project (see Directory.Build.props) and into LocalUp.
/// </summary>
internal static class RepoLayout
{
    /// <summary>The repository root.</summary>
    /// <exception cref="InvalidOperationException">No GardenerMetal.sln above the binary or the working directory.</exception>
    public static string Root => FindRoot();

    /// <summary>The <c>shared/reference</c> folder beside (or above) the repository.</summary>
    /// <exception cref="InvalidOperationException">No shared/reference folder above the root.</exception>
    public static string Reference => FindReference(Root);

    /// <summary>A path below <see cref="Reference"/>, e.g. <c>ReferencePath("gardener-crds", "x.yaml")</c>.</summary>
    public static string ReferencePath(params string[] parts) => Path.Combine([Reference, .. parts]);

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

        throw new InvalidOperationException($"no folder containing GardenerMetal.sln above {AppContext.BaseDirectory} or the working directory");
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

        throw new InvalidOperationException($"no shared/reference folder above {root} (the upstream CRDs, swagger spec and examples live there)");
    }
}
