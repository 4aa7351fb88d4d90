using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>Seed spec.provider: type, region and zones.</summary>
public sealed class SeedProvider
{
    public string? Type { get; set; }
    public string? Region { get; set; }
    public List<string>? Zones { get; set; }
    public JsonElement? ProviderConfig { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
