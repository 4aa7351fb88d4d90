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
}
