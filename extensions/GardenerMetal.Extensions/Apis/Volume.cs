using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>A pool's root volume.</summary>
public sealed class Volume
{
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string Size { get; set; } = "";
    public bool? Encrypted { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
