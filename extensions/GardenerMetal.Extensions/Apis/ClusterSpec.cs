using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>Cluster spec: the raw Shoot, CloudProfile and Seed.</summary>
public sealed class ClusterSpec
{
    public JsonElement? CloudProfile { get; set; }
    public JsonElement? Seed { get; set; }
    public JsonElement? Shoot { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
