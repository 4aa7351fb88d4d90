namespace GardenerMetal.OsConfig.Translation;

/// <summary>Options of <see cref="OscTranslator"/>.</summary>
public sealed record OscTranslatorOptions
{
    /// <summary>The format used for each OSC spec.type when providerConfig.format is not set.</summary>
    public IReadOnlyDictionary<string, UserDataFormat> FormatByType { get; init; } = new Dictionary<string, UserDataFormat>(StringComparer.Ordinal)
    {
        ["metal"] = UserDataFormat.Ignition,
        ["debian"] = UserDataFormat.CloudInit,
        ["ubuntu"] = UserDataFormat.CloudInit,
    };

    /// <summary>
    /// The Ignition spec version for an OSC spec.type (operator setting, <c>--ignition-version TYPE=VERSION</c>); a type not listed
    /// gets 2.3.0, the only spec metal-stack images accept. 3.3.0 is for images whose Ignition takes the 3.x specs.
    /// </summary>
    public IReadOnlyDictionary<string, IgnitionVersion> IgnitionVersionByType { get; init; } = new Dictionary<string, IgnitionVersion>(StringComparer.Ordinal);
}
