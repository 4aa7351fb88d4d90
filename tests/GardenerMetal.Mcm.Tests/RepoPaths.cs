using GardenerMetal.Testing;

namespace GardenerMetal.Mcm.Tests;

/// <summary>The repository root, the MCM CRDs in ../shared/reference (<see cref="RepoLayout"/>) and the simulator's default inventory.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = RepoLayout.Root;

    /// <summary>../shared/reference/mcm-crds.</summary>
    public static string McmCrds { get; } = RepoLayout.ReferencePath("mcm-crds");

    public static string DefaultInventory => Path.Combine(Root, "hack", "GardenerMetal.MetalSim", "inventory", "default.yaml");
}
