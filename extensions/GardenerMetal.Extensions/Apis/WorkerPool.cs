using System.Text.Json;
using System.Text.Json.Serialization;

namespace GardenerMetal.Extensions.Apis;

/// <summary>One Worker pool (extensionsv1alpha1.WorkerPool).</summary>
public sealed class WorkerPool
{
    public string Name { get; set; } = "";
    public string MachineType { get; set; } = "";
    public MachineImage? MachineImage { get; set; }
    public int Minimum { get; set; }
    public int Maximum { get; set; }
    public IntOrString? MaxSurge { get; set; }
    public IntOrString? MaxUnavailable { get; set; }
    public int? Priority { get; set; }
    public string? Architecture { get; set; }
    public string? KubernetesVersion { get; set; }
    public Dictionary<string, string>? Labels { get; set; }
    public Dictionary<string, string>? Annotations { get; set; }
    public List<Taint>? Taints { get; set; }
    public List<string>? Zones { get; set; }
    public JsonElement? ProviderConfig { get; set; }
    public UserDataSecretReference? UserDataSecretRef { get; set; }
    public string? NodeAgentSecretName { get; set; }
    public Volume? Volume { get; set; }
    public List<DataVolume>? DataVolumes { get; set; }
    public string? KubeletDataVolumeName { get; set; }
    public string? UpdateStrategy { get; set; }

    /// <summary>Kubelet configuration, raw JSON (the framework does not interpret it).</summary>
    public JsonElement? KubeletConfig { get; set; }

    /// <summary>Cluster autoscaler options, raw JSON.</summary>
    public JsonElement? ClusterAutoscaler { get; set; }

    /// <summary>Machine controller manager settings, raw JSON.</summary>
    public JsonElement? MachineControllerManager { get; set; }

    /// <summary>Node template (capacity quantities), raw JSON.</summary>
    public JsonElement? NodeTemplate { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
