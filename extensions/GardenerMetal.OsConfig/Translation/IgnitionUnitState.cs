namespace GardenerMetal.OsConfig.Translation;

/// <summary>
/// The <c>enabled</c> value of a unit in Ignition (any spec). Ignition runs no commands, so <c>command: start|restart</c>
/// means enabled and <c>stop</c> means not enabled; a contradicting <c>enable</c> is a configuration problem.
/// </summary>
internal static class IgnitionUnitState
{
    public static bool? Enabled(NormalizedUnit unit, int index)
    {
        switch (unit.Enable, unit.Command)
        {
            case (true, UnitCommand.Stop):
                throw new OsConfigurationException($"spec.units[{index}].command", "\"stop\" together with enable: true cannot be expressed in Ignition, which runs no commands (enabled units start at boot); use the cloud-init format");
            case (false, UnitCommand.Start or UnitCommand.Restart):
                throw new OsConfigurationException($"spec.units[{index}].command", "\"start\"/\"restart\" together with enable: false cannot be expressed in Ignition, which starts only enabled units; use the cloud-init format");
            case ({ } e, _):
                return e;
            case (null, UnitCommand.Start or UnitCommand.Restart):
                return true;
            case (null, UnitCommand.Stop):
                return false;
            default:
                return null;
        }
    }
}
