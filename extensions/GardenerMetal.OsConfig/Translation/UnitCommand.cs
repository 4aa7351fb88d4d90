namespace GardenerMetal.OsConfig.Translation;

/// <summary>spec.units[].command.</summary>
internal enum UnitCommand
{
    Start,
    Restart,
    Stop,
}
