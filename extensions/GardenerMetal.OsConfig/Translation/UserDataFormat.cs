namespace GardenerMetal.OsConfig.Translation;

/// <summary>The user-data format a provision OSC is rendered to.</summary>
public enum UserDataFormat
{
    /// <summary>Ignition JSON, spec 2.3.0 (or 3.3.0 where the operator configured it, see <see cref="IgnitionVersion"/>).</summary>
    Ignition,

    /// <summary><c>#cloud-config</c> YAML.</summary>
    CloudInit,
}
