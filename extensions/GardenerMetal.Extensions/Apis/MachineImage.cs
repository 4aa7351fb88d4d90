using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>A machine image name and version.</summary>
public sealed class MachineImage
{
    public string Name { get; set; } = "";
    public string Version { get; set; } = "";

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
