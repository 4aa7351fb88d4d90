namespace GardenerMetal.OsConfig.Model;

/// <summary>spec.criConfig (only the fields the translator evaluates).</summary>
public sealed record CriConfig
{
    /// <summary>spec.criConfig.name, <c>containerd</c>.</summary>
    public string? Name { get; init; }

    /// <summary>spec.criConfig.cgroupDriver, <c>cgroupfs</c> or <c>systemd</c>.</summary>
    public string? CgroupDriver { get; init; }
}
