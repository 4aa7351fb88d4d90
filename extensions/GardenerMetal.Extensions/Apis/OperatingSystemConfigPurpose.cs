namespace GardenerMetal.Extensions.Apis;

/// <summary>Values of OperatingSystemConfig spec.purpose.</summary>
public static class OperatingSystemConfigPurpose
{
    /// <summary>The config provisions a new machine: the full user data.</summary>
    public const string Provision = "provision";

    /// <summary>The config is applied on a running machine: only the extension units and files.</summary>
    public const string Reconcile = "reconcile";
}
