using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;
using GardenerMetal.Kubernetes;
using GardenerMetal.Provider.Controllers.Worker.Mcm;
using WorkerResource = GardenerMetal.Extensions.Apis.Worker;

namespace GardenerMetal.Provider.Controllers.Worker;

public sealed partial class WorkerActuator
{
    /// <summary>
    /// Scales every MachineDeployment to zero and waits (requeue) until MCM has deleted all Machines, which frees the
    /// metal machines through the driver; then deletes the MachineDeployments, MachineClasses and class Secrets, and
    /// waits until MCM has released them. Needs no configuration, so a broken config never blocks deletion.
    /// </summary>
    public async Task<ActuatorResult> DeleteAsync(WorkerResource resource, Cluster cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var ct = cancellationToken;
        var ns = resource.Metadata.Namespace ?? string.Empty;
        var deployments = await ListAsync(MachineDeployments, ns, null, ct).ConfigureAwait(false);
        foreach (var deployment in deployments)
        {
            if (deployment["spec"]?["replicas"] is not JsonValue value || !value.TryGetValue<int>(out var replicas) || replicas != 0)
            {
                await MachineDeployments.PatchAsync(ns, Name(deployment),
                    KubernetesPatch.Merge(new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 0 } }), ct).ConfigureAwait(false);
            }
        }

        var machines = await ListAsync(Machines, ns, null, ct).ConfigureAwait(false);
        var blocked = machines.Select(DeleteBlockedBy).Where(b => b is not null).ToList();
        if (blocked.Count > 0)
        {
            // The machine controller cannot delete them: say why in lastError, with the reconciler's backoff.
            WorkerActuatorLog.DeletionBlocked(_logger, blocked.Count);
            throw ActuatorErrors.Dependency($"{blocked.Count} of {machines.Count} machine(s) cannot be deleted yet: {string.Join("; ", blocked.Take(3))}");
        }

        if (machines.Count > 0)
        {
            WorkerActuatorLog.WaitingForMachines(_logger, machines.Count);
            return ActuatorResult.RequeueAfterDelay(_options.DeletionPollInterval, $"Waiting for {machines.Count} machine(s) to be deleted by the machine-controller-manager", progress: 40);
        }

        foreach (var deployment in deployments)
        {
            await DeleteIfPresentAsync(MachineDeployments, ns, Name(deployment), ct).ConfigureAwait(false);
        }

        await DeleteClassesAndSecretsAsync(ns, ct).ConfigureAwait(false);

        var remaining = (await ListAsync(MachineDeployments, ns, null, ct).ConfigureAwait(false)).Count
            + (await ListAsync(MachineSets, ns, null, ct).ConfigureAwait(false)).Count
            + (await ListAsync(MachineClasses, ns, null, ct).ConfigureAwait(false)).Count
            + (await ListAsync(_client.Secrets, ns, ClassSecretSelector, ct).ConfigureAwait(false)).Count;
        if (remaining > 0)
        {
            return ActuatorResult.RequeueAfterDelay(_options.DeletionPollInterval, $"Waiting for the machine-controller-manager to release {remaining} machine object(s)", progress: 80);
        }

        await ReleaseSecretAsync(resource, ct).ConfigureAwait(false);
        return ActuatorResult.Done;
    }

    /// <summary>Why a terminating Machine's delete is stuck (its controller reports a failed Delete), or null.</summary>
    private static string? DeleteBlockedBy(JsonObject machine)
    {
        if (machine["metadata"]?["deletionTimestamp"] is null || machine["status"]?["lastOperation"] is not JsonObject operation)
        {
            return null;
        }

        return operation["type"]?.GetValue<string>() == "Delete" && operation["state"]?.GetValue<string>() == "Failed"
            ? $"Machine {Name(machine)}: {operation["description"]?.GetValue<string>() ?? "delete failed"}"
            : null;
    }

    /// <summary>
    /// Force deletion (the shoot is being force-deleted): best effort without waiting for MCM. Removes both MCM
    /// finalizers (<c>machine-controller-manager</c> and <c>machine-controller</c>, as Gardener does) from and deletes
    /// every machine object and class Secret, then releases the credentials Secret; metal machines left behind are
    /// the operator's to free.
    /// </summary>
    public async Task<ActuatorResult> ForceDeleteAsync(WorkerResource resource, Cluster cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        await ShallowDeleteAllAsync(resource.Metadata.Namespace ?? string.Empty, cancellationToken).ConfigureAwait(false);
        await ReleaseSecretAsync(resource, cancellationToken).ConfigureAwait(false);
        return ActuatorResult.Done;
    }

    private async Task DeleteClassesAndSecretsAsync(string ns, CancellationToken ct)
    {
        foreach (var machineClass in await ListAsync(MachineClasses, ns, null, ct).ConfigureAwait(false))
        {
            await DeleteIfPresentAsync(MachineClasses, ns, Name(machineClass), ct).ConfigureAwait(false);
        }

        foreach (var secret in await ListAsync(_client.Secrets, ns, ClassSecretSelector, ct).ConfigureAwait(false))
        {
            await DeleteIfPresentAsync(_client.Secrets, ns, secret.Metadata.Name!, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Removes both MCM finalizers from MachineDeployments, MachineSets, Machines, MachineClasses and class Secrets, and deletes them (no machine is freed).</summary>
    private async Task ShallowDeleteAllAsync(string ns, CancellationToken ct)
    {
        foreach (var client in new[] { MachineDeployments, MachineSets, Machines, MachineClasses })
        {
            foreach (var obj in await ListAsync(client, ns, null, ct).ConfigureAwait(false))
            {
                var name = Name(obj);
                if (obj["metadata"]?["finalizers"] is JsonArray finalizers && finalizers.Any(f => IsMcmFinalizer(f?.GetValue<string>())))
                {
                    var rest = finalizers.Where(f => !IsMcmFinalizer(f?.GetValue<string>())).Select(f => f?.DeepClone()).ToArray();
                    await client.PatchAsync(ns, name, KubernetesPatch.Merge(new JsonObject
                    {
                        ["metadata"] = new JsonObject
                        {
                            ["finalizers"] = rest.Length == 0 ? null : new JsonArray(rest),
                            ["resourceVersion"] = obj["metadata"]?["resourceVersion"]?.DeepClone(),
                        },
                    }), ct).ConfigureAwait(false);
                    WorkerActuatorLog.FinalizerRemoved(_logger, client.Resource.Kind, name);
                }

                await DeleteIfPresentAsync(client, ns, name, ct).ConfigureAwait(false);
            }
        }

        foreach (var secret in await ListAsync(_client.Secrets, ns, ClassSecretSelector, ct).ConfigureAwait(false))
        {
            var name = secret.Metadata.Name!;
            if (secret.Metadata.Finalizers?.Any(IsMcmFinalizer) == true)
            {
                var rest = secret.Metadata.Finalizers.Where(f => !IsMcmFinalizer(f)).Select(f => (JsonNode?)JsonValue.Create(f)).ToArray();
                await _client.Secrets.PatchAsync(ns, name, KubernetesPatch.Merge(new JsonObject
                {
                    ["metadata"] = new JsonObject
                    {
                        ["finalizers"] = rest.Length == 0 ? null : new JsonArray(rest),
                        ["resourceVersion"] = secret.Metadata.ResourceVersion,
                    },
                }), ct).ConfigureAwait(false);
                WorkerActuatorLog.FinalizerRemoved(_logger, "Secret", name);
            }

            await DeleteIfPresentAsync(_client.Secrets, ns, name, ct).ConfigureAwait(false);
        }
    }

    private static bool IsMcmFinalizer(string? finalizer) => finalizer is not null && McmResources.Finalizers.Contains(finalizer);
}
