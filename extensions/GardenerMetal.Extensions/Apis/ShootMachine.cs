using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>A Shoot worker's machine: type, image and architecture.</summary>
public sealed class ShootMachine
{
    public string? Type { get; set; }
    public ShootMachineImage? Image { get; set; }
    public string? Architecture { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
