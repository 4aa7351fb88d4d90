using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Mcm.Controller.Models;

/// <summary>Machine <c>status.currentStatus</c>.</summary>
public sealed class MachineCurrentStatus
{
    /// <summary>Pending, Running, CrashLoopBackOff, Failed, Terminating, …</summary>
    [JsonPropertyName("phase")]
    public string? Phase { get; set; }

    /// <summary>Whether the creation timeout applies.</summary>
    [JsonPropertyName("timeoutActive")]
    public bool? TimeoutActive { get; set; }

    /// <summary>RFC 3339 time of the last change.</summary>
    [JsonPropertyName("lastUpdateTime")]
    public string? LastUpdateTime { get; set; }

    /// <summary>Fields this model does not know, kept on round trips.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
