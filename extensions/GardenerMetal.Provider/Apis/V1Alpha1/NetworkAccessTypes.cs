namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>The values of <see cref="ControlPlaneConfig.NetworkAccessType"/>.</summary>
public static class NetworkAccessTypes
{
    public const string Baseline = "baseline";
    public const string Restricted = "restricted";
    public const string Forbidden = "forbidden";

    /// <summary>All supported values, in documentation order.</summary>
    public static IReadOnlyList<string> All { get; } = [Baseline, Restricted, Forbidden];
}
