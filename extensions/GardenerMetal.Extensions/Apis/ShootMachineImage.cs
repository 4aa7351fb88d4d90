using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>A Shoot worker's machine image (version optional: defaulted by Gardener).</summary>
public sealed class ShootMachineImage
{
    public string? Name { get; set; }
    public string? Version { get; set; }
    public JsonElement? ProviderConfig { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
