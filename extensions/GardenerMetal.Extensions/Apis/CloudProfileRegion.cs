using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>A CloudProfile region with its zones.</summary>
public sealed class CloudProfileRegion
{
    public string Name { get; set; } = "";
    public List<CloudProfileZone>? Zones { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
