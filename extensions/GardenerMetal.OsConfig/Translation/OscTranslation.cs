using GardenerMetal.OsConfig.Model;

namespace GardenerMetal.OsConfig.Translation;

/// <summary>The result of translating one OperatingSystemConfig.</summary>
public sealed record OscTranslation
{
    /// <summary><c>provision</c> or <c>reconcile</c>.</summary>
    public required string Purpose { get; init; }

    /// <summary>The user-data format (provision only).</summary>
    public UserDataFormat? Format { get; init; }

    /// <summary>The Ignition spec version of <see cref="UserData"/> (provision with format Ignition only).</summary>
    public IgnitionVersion? IgnitionVersion { get; init; }

    /// <summary>The user data, UTF-8 (provision only; store as Secret <c>osc-result-&lt;name&gt;</c> key <c>cloud_config</c>).</summary>
    public byte[]? UserData { get; init; }

    /// <summary>Units os-metal adds (status.extensionUnits; reconcile only).</summary>
    public IReadOnlyList<Unit> ExtensionUnits { get; init; } = [];

    /// <summary>Files os-metal adds (status.extensionFiles; reconcile only).</summary>
    public IReadOnlyList<OscFile> ExtensionFiles { get; init; } = [];
}
