using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Kubernetes.Models;

/// <summary>core/v1 EventSource: the component (and host) that reported an Event.</summary>
public sealed class EventSource
{
    /// <summary>Reporting component, e.g. <c>provider-metal-infrastructure</c>.</summary>
    [JsonPropertyName("component")]
    public string? Component { get; set; }

    /// <summary>Node/host name of the reporter.</summary>
    [JsonPropertyName("host")]
    public string? Host { get; set; }

    /// <summary>Unmodelled fields.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
