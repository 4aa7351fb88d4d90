using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>Type, state and progress of the last operation on a resource.</summary>
public sealed class LastOperation
{
    public string Description { get; set; } = "";
    public DateTimeOffset LastUpdateTime { get; set; }
    public int Progress { get; set; }
    public LastOperationState State { get; set; }
    public LastOperationType Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
