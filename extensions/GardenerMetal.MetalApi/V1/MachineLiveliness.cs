namespace GardenerMetal.MetalApi.V1;

/// <summary>Values of <c>liveliness</c>.</summary>
public static class MachineLiveliness
{
    /// <summary>Events arrived recently.</summary>
    public const string Alive = "Alive";
    /// <summary>No event for 5 minutes, unallocated.</summary>
    public const string Dead = "Dead";
    /// <summary>No event for 5 minutes, allocated.</summary>
    public const string Unknown = "Unknown";
}
