namespace GardenerMetal.MetalApi.V1;

/// <summary>Values of an IP's <c>type</c>.</summary>
public static class IPTypes
{
    /// <summary>Released automatically with its machine.</summary>
    public const string Ephemeral = "ephemeral";
    /// <summary>Kept until freed explicitly.</summary>
    public const string Static = "static";
}
