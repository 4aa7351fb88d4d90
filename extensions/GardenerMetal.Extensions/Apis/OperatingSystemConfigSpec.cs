using System.Text.Json;

namespace GardenerMetal.Extensions.Apis;

/// <summary>OperatingSystemConfig spec: purpose, units, files and the CRI configuration.</summary>
public sealed class OperatingSystemConfigSpec : DefaultSpec
{
    /// <summary><c>provision</c> or <c>reconcile</c>, see <see cref="OperatingSystemConfigPurpose"/>.</summary>
    public string Purpose { get; set; } = "";

    public List<Unit>? Units { get; set; }
    public List<OscFile>? Files { get; set; }
    public CriConfig? CriConfig { get; set; }

    /// <summary>In-place update configuration, raw JSON.</summary>
    public JsonElement? InPlaceUpdates { get; set; }
}
