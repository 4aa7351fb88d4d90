using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>A registry mirror host.</summary>
public sealed class RegistryHost
{
    public string Url { get; set; } = "";
    public List<string>? Capabilities { get; set; }
    public List<string>? CaCerts { get; set; }
    public bool? OverridePath { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
