using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>A containerd plugin configuration change.</summary>
public sealed class PluginConfig
{
    /// <summary><c>add</c> or <c>remove</c>.</summary>
    public string? Op { get; set; }
    public List<string> Path { get; set; } = [];

    /// <summary>The plugin values, raw JSON.</summary>
    public JsonElement? Values { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
