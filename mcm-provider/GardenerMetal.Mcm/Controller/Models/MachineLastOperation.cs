using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Mcm.Controller.Models;

/// <summary>Machine <c>status.lastOperation</c>.</summary>
public sealed class MachineLastOperation
{
    /// <summary>What happened.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>The driver status code name of a failure (e.g. ResourceExhausted).</summary>
    [JsonPropertyName("errorCode")]
    public string? ErrorCode { get; set; }

    /// <summary>RFC 3339 time.</summary>
    [JsonPropertyName("lastUpdateTime")]
    public string? LastUpdateTime { get; set; }

    /// <summary>Processing, Successful or Failed.</summary>
    [JsonPropertyName("state")]
    public string? State { get; set; }

    /// <summary>Create, Delete, HealthCheck, …</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>Fields this model does not know, kept on round trips.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
