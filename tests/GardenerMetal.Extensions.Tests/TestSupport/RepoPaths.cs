using GardenerMetal.Testing;

namespace GardenerMetal.Extensions.Tests.TestSupport;

/// <summary>The repository root and the shared reference data (<see cref="RepoLayout"/>).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = RepoLayout.Root;

    /// <summary>../shared/reference from the repository root.</summary>
    public static string Reference { get; } = RepoLayout.Reference;
}
