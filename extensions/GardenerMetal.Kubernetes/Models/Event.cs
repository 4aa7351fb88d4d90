using System.Text.Json.Serialization;
using GardenerMetal.Kubernetes.Serialization;

namespace GardenerMetal.Kubernetes.Models;

/// <summary>core/v1 Event.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "The type is named after the Kubernetes kind; consumers are C#.")]
public sealed class Event : KubernetesObjectBase
{
    /// <summary>Creates an empty Event with its type meta set.</summary>
    public Event()
    {
        ApiVersion = "v1";
        Kind = "Event";
    }

    /// <summary>The object this event is about.</summary>
    [JsonPropertyName("involvedObject")]
    public ObjectReference InvolvedObject { get; set; } = new();

    /// <summary>Short CamelCase reason, e.g. <c>ReconcileFailed</c>.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>Human-readable description.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary><c>Normal</c> or <c>Warning</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The reporting component.</summary>
    [JsonPropertyName("source")]
    public EventSource? Source { get; set; }

    /// <summary>When the event was first seen.</summary>
    [JsonPropertyName("firstTimestamp")]
    [JsonConverter(typeof(KubernetesTimeConverter))]
    public DateTimeOffset? FirstTimestamp { get; set; }

    /// <summary>When the event was last seen.</summary>
    [JsonPropertyName("lastTimestamp")]
    [JsonConverter(typeof(KubernetesTimeConverter))]
    public DateTimeOffset? LastTimestamp { get; set; }

    /// <summary>How often the same event occurred.</summary>
    [JsonPropertyName("count")]
    public int? Count { get; set; }

    /// <summary>Time of first observation (MicroTime; new-style events).</summary>
    [JsonPropertyName("eventTime")]
    [JsonConverter(typeof(MicroTimeConverter))]
    public DateTimeOffset? EventTime { get; set; }

    /// <summary>Controller that emitted the event, e.g. <c>gardener-extension-provider-metal</c>.</summary>
    [JsonPropertyName("reportingComponent")]
    public string? ReportingComponent { get; set; }

    /// <summary>Instance (e.g. pod name) of the reporting controller.</summary>
    [JsonPropertyName("reportingInstance")]
    public string? ReportingInstance { get; set; }

    /// <summary>What action was taken or failed.</summary>
    [JsonPropertyName("action")]
    public string? Action { get; set; }
}
