namespace GardenerMetal.MetalApi.V1;

/// <summary>Values of <c>allocation.role</c>.</summary>
public static class MachineRoles
{
    /// <summary>A worker machine.</summary>
    public const string Machine = "machine";

    /// <summary>A firewall machine.</summary>
    public const string Firewall = "firewall";
}
