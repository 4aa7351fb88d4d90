namespace GardenerMetal.OsConfig.Translation;

/// <summary>The user-data format a provision OSC is rendered to.</summary>
public enum UserDataFormat
{
    /// <summary>Ignition spec 3.3.0 JSON.</summary>
    Ignition,

    /// <summary><c>#cloud-config</c> YAML.</summary>
    CloudInit,
}
