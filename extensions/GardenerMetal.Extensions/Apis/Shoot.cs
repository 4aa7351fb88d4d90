using GardenerMetal.Kubernetes.Models;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>A read view of core.gardener.cloud/v1beta1 Shoot: the fields the suite needs.</summary>
public sealed class Shoot
{
    /// <summary>Annotation Gardener sets to trigger operations on extension resources and shoots.</summary>
    public const string OperationAnnotation = "gardener.cloud/operation";

    public string? ApiVersion { get; set; }
    public string? Kind { get; set; }
    public ObjectMeta Metadata { get; set; } = new();
    public ShootSpec Spec { get; set; } = new();
    public ShootStatus Status { get; set; } = new();

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The shoot's UID: <c>status.uid</c>, falling back to <c>metadata.uid</c>.</summary>
    [JsonIgnore]
    public string? Uid => string.IsNullOrEmpty(Status.Uid) ? Metadata.Uid : Status.Uid;

    /// <summary>Whether the shoot's last operation is Failed.</summary>
    [JsonIgnore]
    public bool IsFailed => Status.LastOperation?.State == LastOperationState.Failed;

    /// <summary>The annotations (never null).</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string> Annotations =>
        Metadata.Annotations is { } annotations ? annotations.AsReadOnly() : new Dictionary<string, string>();
}
