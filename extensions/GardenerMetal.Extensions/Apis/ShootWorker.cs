using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>A Shoot worker pool (read view).</summary>
public sealed class ShootWorker
{
    public string Name { get; set; } = "";
    public ShootMachine? Machine { get; set; }
    public int? Minimum { get; set; }
    public int? Maximum { get; set; }
    public IntOrString? MaxSurge { get; set; }
    public IntOrString? MaxUnavailable { get; set; }
    public int? Priority { get; set; }
    public Dictionary<string, string>? Labels { get; set; }
    public Dictionary<string, string>? Annotations { get; set; }
    public List<Taint>? Taints { get; set; }
    public List<string>? Zones { get; set; }
    public JsonElement? ProviderConfig { get; set; }
    public Volume? Volume { get; set; }
    public List<DataVolume>? DataVolumes { get; set; }
    public string? UpdateStrategy { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
