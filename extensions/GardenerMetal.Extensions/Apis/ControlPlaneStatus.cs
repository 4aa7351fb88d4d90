namespace GardenerMetal.Extensions.Apis;

/// <summary>ControlPlane status (only the default status fields).</summary>
public sealed class ControlPlaneStatus : DefaultStatus;
