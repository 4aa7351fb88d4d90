using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Apis.V1Alpha1;

/// <summary>Feature gates of the control plane (the last three are deprecated upstream and ignored).</summary>
public sealed record ControlPlaneFeatures
{
    [JsonPropertyName("durosStorageEncryption")] public bool? DurosStorageEncryption { get; init; }
    [JsonPropertyName("disableCsiLvm")] public bool? DisableCsiLvm { get; init; }
    [JsonPropertyName("machineControllerManagerOOT")] public bool? MachineControllerManagerOot { get; init; }
    [JsonPropertyName("clusterAudit")] public bool? ClusterAudit { get; init; }
    [JsonPropertyName("auditToSplunk")] public bool? AuditToSplunk { get; init; }
}
