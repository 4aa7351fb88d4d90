using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace GardenerMetal.Provider.Controllers.Worker;

/// <summary>The saved state of one MachineDeployment (see <see cref="WorkerState"/>).</summary>
public sealed record MachineDeploymentState
{
    [JsonPropertyName("replicas")] public int Replicas { get; init; }
    [JsonPropertyName("machineClassName")] public string? MachineClassName { get; init; }
    /// <summary>The MachineSets (metadata name/labels/annotations and spec).</summary>
    [JsonPropertyName("machineSets")] public IReadOnlyList<JsonObject>? MachineSets { get; init; }
    /// <summary>The Machines (metadata name/labels/annotations and spec, including the providerID).</summary>
    [JsonPropertyName("machines")] public IReadOnlyList<JsonObject>? Machines { get; init; }
}
