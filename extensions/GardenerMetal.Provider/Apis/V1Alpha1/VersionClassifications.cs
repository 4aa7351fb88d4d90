namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>Gardener's version classifications.</summary>
public static class VersionClassifications
{
    public const string Preview = "preview";
    public const string Supported = "supported";
    public const string Deprecated = "deprecated";

    public static IReadOnlyList<string> All { get; } = [Deprecated, Preview, Supported];
}
