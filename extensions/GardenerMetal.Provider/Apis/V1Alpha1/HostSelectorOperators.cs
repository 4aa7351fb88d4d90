namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>The operators of <see cref="HostSelectorRequirement"/> (as in Kubernetes label selectors).</summary>
public static class HostSelectorOperators
{
    public const string In = "In";
    public const string NotIn = "NotIn";
    public const string Exists = "Exists";
    public const string DoesNotExist = "DoesNotExist";

    public static IReadOnlyList<string> All { get; } = [In, NotIn, Exists, DoesNotExist];
}
