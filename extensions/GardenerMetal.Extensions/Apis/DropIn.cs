using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>A systemd unit drop-in.</summary>
public sealed class DropIn
{
    public string Name { get; set; } = "";
    public string Content { get; set; } = "";

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
