using GardenerMetal.OsConfig.Model;

namespace GardenerMetal.OsConfig.Translation;

/// <summary>
/// Translates an OperatingSystemConfig spec:
/// purpose <c>provision</c> → full user data (Ignition JSON, spec 2.3.0 unless the operator configured 3.3.0 for the type, or
/// #cloud-config) from the OSC's units and files plus
/// os-metal's network-isolation files; purpose <c>reconcile</c> → only os-metal's extension files (gardener-node-agent applies
/// the spec itself). Pure, thread-safe and deterministic: the same input gives byte-identical output.
/// Any problem with the input throws <see cref="OsConfigurationException"/> (ERR_CONFIGURATION_PROBLEM, with the field path)
/// before any output exists.
/// </summary>
public sealed class OscTranslator
{
    /// <summary><c>provision</c>.</summary>
    public const string PurposeProvision = "provision";

    /// <summary><c>reconcile</c>.</summary>
    public const string PurposeReconcile = "reconcile";

    private readonly OscTranslatorOptions options;

    /// <summary>Creates a translator; <paramref name="options"/> defaults to metal→Ignition 2.3.0, debian/ubuntu→cloud-init.</summary>
    public OscTranslator(OscTranslatorOptions? options = null) => this.options = options ?? new OscTranslatorOptions();

    /// <summary>
    /// Translates <paramref name="spec"/>; <paramref name="formatOverride"/> (render tool) beats providerConfig.format, which beats spec.type;
    /// <paramref name="ignitionVersionOverride"/> (render tool) beats the operator's setting for spec.type, which beats the default 2.3.0.
    /// </summary>
    public OscTranslation Translate(OperatingSystemConfigSpec spec, IOscSecretSource secrets, UserDataFormat? formatOverride = null, IgnitionVersion? ignitionVersionOverride = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(secrets);

        if (string.IsNullOrEmpty(spec.Type))
        {
            throw new OsConfigurationException("spec.type", "is required");
        }

        var providerConfig = ProviderConfigReader.Read(spec.ProviderConfig);
        switch (spec.Purpose)
        {
            case PurposeReconcile:
                return new OscTranslation
                {
                    Purpose = PurposeReconcile,
                    ExtensionFiles = ExtensionFiles.For(spec, providerConfig, reconcile: true),
                };
            case PurposeProvision:
                break;
            case null or "":
                throw new OsConfigurationException("spec.purpose", "is required");
            default:
                throw new OsConfigurationException("spec.purpose", "unsupported purpose, supported are \"provision\" and \"reconcile\"");
        }

        UserDataFormat format;
        if (formatOverride is { } forced)
        {
            format = forced;
        }
        else if (providerConfig.Format is { } configured)
        {
            format = configured;
        }
        else if (!options.FormatByType.TryGetValue(spec.Type, out format))
        {
            throw new OsConfigurationException("spec.type", "no user-data format is configured for this type; set spec.providerConfig.format to \"ignition\" or \"cloud-init\"");
        }

        var extension = ExtensionFiles.For(spec, providerConfig, reconcile: false);
        var files = extension.Count == 0 ? spec.Files : ExtensionFiles.Merge(spec.Files, extension);
        var normalized = OscNormalizer.Normalize(spec.Units, files, secrets);
        if (format != UserDataFormat.Ignition)
        {
            return new OscTranslation { Purpose = PurposeProvision, Format = format, UserData = Render(normalized, format, null) };
        }

        var version = ignitionVersionOverride
            ?? (options.IgnitionVersionByType.TryGetValue(spec.Type, out var configuredVersion) ? configuredVersion : IgnitionVersions.Default);
        return new OscTranslation { Purpose = PurposeProvision, Format = format, IgnitionVersion = version, UserData = Render(normalized, format, version) };
    }

    internal static byte[] Render(NormalizedConfig config, UserDataFormat format, IgnitionVersion? ignitionVersion)
    {
        using var buffer = new PooledBuffer(EstimateSize(config));
        if (format == UserDataFormat.Ignition && ignitionVersion == IgnitionVersion.Spec330)
        {
            Ignition3Writer.Write(config, buffer);
        }
        else if (format == UserDataFormat.Ignition)
        {
            Ignition2Writer.Write(config, buffer);
        }
        else
        {
            CloudInitWriter.Write(config, buffer);
        }

        return buffer.ToArray();
    }

    private static int EstimateSize(NormalizedConfig config)
    {
        long size = 1024;
        foreach (var file in config.Files)
        {
            size += 160 + (file.Content.Length * (file.Clear ? 3L : 2L));
        }

        foreach (var unit in config.Units)
        {
            size += 128 + (unit.Content?.Length ?? 0) * 2L;
            foreach (var d in unit.DropIns)
            {
                size += 128 + d.Content.Length * 2L;
            }
        }

        return (int)Math.Min(size, 64 * 1024 * 1024);
    }
}
