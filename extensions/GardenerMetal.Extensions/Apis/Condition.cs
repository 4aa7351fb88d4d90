using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>gardencorev1beta1.Condition.</summary>
public sealed class Condition
{
    public string Type { get; set; } = "";
    public string Status { get; set; } = "";
    public DateTimeOffset? LastTransitionTime { get; set; }
    public DateTimeOffset? LastUpdateTime { get; set; }
    public string? Reason { get; set; }
    public string? Message { get; set; }
    public List<string>? Codes { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
