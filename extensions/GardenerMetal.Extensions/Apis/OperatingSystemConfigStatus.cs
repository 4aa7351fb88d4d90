using System.Text.Json;

namespace GardenerMetal.Extensions.Apis;

/// <summary>OperatingSystemConfig status: where the user data lives, and the extension units/files.</summary>
public sealed class OperatingSystemConfigStatus : DefaultStatus
{
    public CloudConfig? CloudConfig { get; set; }
    public List<Unit>? ExtensionUnits { get; set; }
    public List<OscFile>? ExtensionFiles { get; set; }

    /// <summary>In-place update status, raw JSON.</summary>
    public JsonElement? InPlaceUpdates { get; set; }
}
