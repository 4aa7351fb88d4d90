using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Mcm.Controller.Models;

/// <summary>Machine <c>status</c> (the fields the controller writes).</summary>
public sealed class MachineStatus
{
    /// <summary>The phase.</summary>
    [JsonPropertyName("currentStatus")]
    public MachineCurrentStatus? CurrentStatus { get; set; }

    /// <summary>The last operation.</summary>
    [JsonPropertyName("lastOperation")]
    public MachineLastOperation? LastOperation { get; set; }

    /// <summary>Fields this model does not know, kept on round trips.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
