using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>autoscalingv1.CrossVersionObjectReference.</summary>
public sealed class CrossVersionObjectReference
{
    public string? ApiVersion { get; set; }
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
