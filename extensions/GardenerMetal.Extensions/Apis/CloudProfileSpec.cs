using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>CloudProfile spec (read view): type, provider config, regions, images and machine types.</summary>
public sealed class CloudProfileSpec
{
    public string? Type { get; set; }
    public JsonElement? ProviderConfig { get; set; }
    public List<CloudProfileRegion>? Regions { get; set; }

    /// <summary>spec.machineImages, raw JSON.</summary>
    public JsonElement? MachineImages { get; set; }

    /// <summary>spec.machineTypes, raw JSON.</summary>
    public JsonElement? MachineTypes { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
