using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;
using GardenerMetal.Kubernetes.Errors;
using WorkerResource = GardenerMetal.Extensions.Apis.Worker;

namespace GardenerMetal.Provider.Controllers.Worker;

public sealed partial class WorkerActuator
{
    /// <summary>
    /// Control plane migration, target seed: re-creates the MachineSets and Machines from <c>status.state</c> (MCM
    /// adopts them; the driver finds each metal machine again by name and cluster tag), then reconciles with the saved
    /// class hashes and replicas, so the restore rolls no pool. Without a state this is a plain reconcile.
    /// </summary>
    public async Task<ActuatorResult> RestoreAsync(WorkerResource resource, Cluster cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var state = ReadState(resource);
        var ns = resource.Metadata.Namespace ?? string.Empty;
        foreach (var (name, saved) in state?.MachineDeployments ?? new Dictionary<string, MachineDeploymentState>())
        {
            foreach (var machineSet in saved.MachineSets ?? [])
            {
                await CreateIfMissingAsync(MachineSets, ns, machineSet, cancellationToken).ConfigureAwait(false);
            }

            foreach (var machine in saved.Machines ?? [])
            {
                await CreateIfMissingAsync(Machines, ns, machine, cancellationToken).ConfigureAwait(false);
            }

            WorkerActuatorLog.Restored(_logger, saved.MachineSets?.Count ?? 0, saved.Machines?.Count ?? 0, name);
        }

        return await ReconcileCoreAsync(resource, cluster, state, cancellationToken).ConfigureAwait(false);
    }

    private static async Task CreateIfMissingAsync(Kubernetes.ResourceClient<JsonObject> client, string ns, JsonObject saved, CancellationToken ct)
    {
        var obj = (JsonObject)saved.DeepClone();
        ((JsonObject)obj["metadata"]!)["namespace"] = ns;
        try
        {
            await client.CreateAsync(obj, ct).ConfigureAwait(false);
        }
        catch (KubernetesAlreadyExistsException)
        {
        }
    }
}
