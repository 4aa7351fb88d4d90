using GardenerMetal.Testing;

namespace GardenerMetal.LocalUp;

/// <summary>
/// The repository root and the upstream reference data, found by the shared <see cref="RepoLayout"/>; a missing
/// folder becomes a <see cref="LocalUpException"/> that tells the user what to do.
/// </summary>
public static class RepoPaths
{
    /// <summary>The repository root.</summary>
    public static string Root { get; } = Find(() => RepoLayout.Root, "run make up from the repository");

    /// <summary>The <c>shared/reference</c> folder.</summary>
    public static string Reference => Find(() => RepoLayout.Reference, "the upstream CRDs live there");

    /// <summary><c>hack/local-up</c>: the example shoot and the simulator inventory.</summary>
    public static string LocalUpManifests => Path.Combine(Root, "hack", "local-up");

    private static string Find(Func<string> find, string hint)
    {
        try
        {
            return find();
        }
        catch (InvalidOperationException ex)
        {
            throw new LocalUpException($"{ex.Message}; {hint}");
        }
    }
}
