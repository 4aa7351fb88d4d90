using System.Text.Json;

namespace GardenerMetal.Extensions.Apis;

/// <summary>Worker status: the generated machine deployments.</summary>
public sealed class WorkerStatus : DefaultStatus
{
    public List<MachineDeploymentStatus>? MachineDeployments { get; set; }
    public DateTimeOffset? MachineDeploymentsLastUpdateTime { get; set; }

    /// <summary>In-place update bookkeeping, raw JSON.</summary>
    public JsonElement? InPlaceUpdates { get; set; }
}
