using System.Text.Json;
using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Errors;
using GardenerMetal.Kubernetes.Models;
using GardenerMetal.Provider.Controllers.Worker.Mcm;
using WorkerResource = GardenerMetal.Extensions.Apis.Worker;

namespace GardenerMetal.Provider.Controllers.Worker;

public sealed partial class WorkerActuator
{
    private const int ApplyAttempts = 5;

    /// <inheritdoc />
    public Task<ActuatorResult> ReconcileAsync(WorkerResource resource, Cluster cluster, CancellationToken cancellationToken) =>
        ReconcileCoreAsync(resource, cluster, restore: null, cancellationToken);

    /// <summary>
    /// Deploys class secrets, classes and machine deployments, writes the status, then deletes what no pool uses any
    /// more. <paramref name="restore"/> (restore only) supplies hashes and replicas from <c>status.state</c>.
    /// </summary>
    private async Task<ActuatorResult> ReconcileCoreAsync(WorkerResource worker, Cluster cluster, WorkerState? restore, CancellationToken ct)
    {
        var context = await PrepareAsync(worker, cluster, ct).ConfigureAwait(false);
        var ns = context.Namespace;
        var existingClasses = await ListAsync(MachineClasses, ns, null, ct).ConfigureAwait(false);
        var existingDeployments = (await ListAsync(MachineDeployments, ns, null, ct).ConfigureAwait(false)).ToDictionary(Name, StringComparer.Ordinal);

        var pinned = PinnedHashes(context, existingClasses, existingDeployments, restore);
        var plans = await PlanAsync(context, pinned, ct).ConfigureAwait(false);
        foreach (var plan in plans.Where(p => p.Hash != p.ComputedHash))
        {
            WorkerActuatorLog.HashPinned(_logger, plan.Pool.Name, plan.Hash);
        }

        // Secrets before classes: MCM resolves a class's secretRef as soon as it sees the class.
        foreach (var plan in plans)
        {
            await ApplySecretAsync(MachineClassBuilder.BuildSecret(plan, ns), ct).ConfigureAwait(false);
            await ApplyAsync(MachineClasses, MachineClassBuilder.Build(plan, ns, worker.Spec.Region), ["provider", "providerSpec", "secretRef", "nodeTemplate", "credentialsSecretRef"], ct).ConfigureAwait(false);
            WorkerActuatorLog.ClassDeployed(_logger, plan.ClassName, plan.Pool.Name);
        }

        var autoscaled = worker.Spec.Pools.Any(p => p.Minimum < p.Maximum);
        foreach (var plan in plans)
        {
            existingDeployments.TryGetValue(plan.DeploymentName, out var existing);
            var current = existing?["spec"]?["replicas"] is JsonValue value && value.TryGetValue<int>(out var r) ? r : (existing is null ? (int?)null : 0);
            var restored = restore?.MachineDeployments?.TryGetValue(plan.DeploymentName, out var saved) == true ? saved.Replicas : (int?)null;
            var replicas = MachineDeploymentBuilder.Replicas(plan.Pool, context.Hibernated, autoscaled, current, restored);
            await ApplyAsync(MachineDeployments, MachineDeploymentBuilder.Build(plan, ns, replicas), ["spec"], ct).ConfigureAwait(false);
            WorkerActuatorLog.DeploymentDeployed(_logger, plan.DeploymentName, replicas);
        }

        var status = worker.EnsureStatus();
        status.MachineDeployments = [.. plans.Select(p => new MachineDeploymentStatus
        {
            Name = p.DeploymentName,
            Minimum = p.Pool.Minimum,
            Maximum = p.Pool.Maximum,
            Priority = p.Pool.Priority,
        })];
        // metav1.Time has second precision; whole seconds also make the server's echo equal what was written.
        var now = _time.GetUtcNow();
        status.MachineDeploymentsLastUpdateTime = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        var images = plans.Select(p => p.MachineImage).DistinctBy(i => (i.Name, i.Version)).ToList();
        status.ProviderStatus = JsonSerializer.SerializeToElement(new Apis.V1Alpha1.WorkerStatus { MachineImages = images }, WorkerJsonContext.Default.WorkerStatus);

        await CleanupAsync(ns, plans, existingClasses, existingDeployments.Values, ct).ConfigureAwait(false);
        status.State = JsonSerializer.SerializeToElement(await CaptureStateAsync(ns, ct).ConfigureAwait(false), WorkerJsonContext.Default.WorkerState);
        return ActuatorResult.Done;
    }

    /// <summary>
    /// The hash each pool keeps instead of its computed one: <c>use-worker-hash-&lt;pool&gt;</c> first; with
    /// <c>keep-worker-hash</c> the hash of the class the pool's MachineDeployment uses (else of its only existing
    /// class); during a restore the hash saved in the state.
    /// </summary>
    private static Dictionary<string, string> PinnedHashes(WorkerContext context, IReadOnlyList<JsonObject> classes, Dictionary<string, JsonObject> deployments, WorkerState? restore)
    {
        var pinned = new Dictionary<string, string>(StringComparer.Ordinal);
        var annotations = context.Shoot.Annotations;
        var keep = annotations.ContainsKey(KeepWorkerHashAnnotation);
        foreach (var pool in context.Worker.Spec.Pools)
        {
            var deploymentName = context.Namespace + "-" + pool.Name;
            var annotation = UseWorkerHashAnnotationPrefix + pool.Name;
            if (annotations.TryGetValue(annotation, out var explicitHash))
            {
                pinned[pool.Name] = WorkerPoolHash.IsHash(explicitHash)
                    ? explicitHash
                    : throw ActuatorErrors.Configuration($"cluster spec.shoot.metadata.annotations[{annotation}]: Invalid value: \"{explicitHash}\": must be a worker hash ({WorkerPoolHash.Length} lowercase hex digits)");
                continue;
            }

            if (keep)
            {
                var inUse = deployments.TryGetValue(deploymentName, out var deployment)
                    && deployment["spec"]?["template"]?["spec"]?["class"]?["name"] is JsonValue className
                    && className.TryGetValue<string>(out var name)
                        ? WorkerPoolHash.FromClassName(name, deploymentName)
                        : null;
                var candidates = classes.Select(c => WorkerPoolHash.FromClassName(Name(c), deploymentName)).OfType<string>().Order(StringComparer.Ordinal).ToList();
                if ((inUse ?? (candidates.Count == 1 ? candidates[0] : null)) is { } kept)
                {
                    pinned[pool.Name] = kept;
                    continue;
                }
            }

            if (restore?.MachineDeployments?.TryGetValue(deploymentName, out var saved) == true
                && saved.MachineClassName is { } savedClass
                && WorkerPoolHash.FromClassName(savedClass, deploymentName) is { } restoredHash)
            {
                pinned[pool.Name] = restoredHash;
            }
        }

        return pinned;
    }

    /// <summary>Deletes MachineDeployments, MachineClasses and class Secrets no pool wants any more (MCM's finalizers keep classes in use until their machines are gone).</summary>
    private async Task CleanupAsync(string ns, IReadOnlyList<PoolPlan> plans, IReadOnlyList<JsonObject> classes, IEnumerable<JsonObject> deployments, CancellationToken ct)
    {
        var wantedDeployments = plans.Select(p => p.DeploymentName).ToHashSet(StringComparer.Ordinal);
        var wantedClasses = plans.Select(p => p.ClassName).ToHashSet(StringComparer.Ordinal);
        foreach (var name in deployments.Select(Name).Where(n => !wantedDeployments.Contains(n)))
        {
            await DeleteIfPresentAsync(MachineDeployments, ns, name, ct).ConfigureAwait(false);
            WorkerActuatorLog.Deleted(_logger, McmResources.MachineDeployments.Kind, name);
        }

        foreach (var name in classes.Select(Name).Where(n => !wantedClasses.Contains(n)))
        {
            await DeleteIfPresentAsync(MachineClasses, ns, name, ct).ConfigureAwait(false);
            WorkerActuatorLog.Deleted(_logger, McmResources.MachineClasses.Kind, name);
        }

        foreach (var secret in await ListAsync(_client.Secrets, ns, ClassSecretSelector, ct).ConfigureAwait(false))
        {
            if (secret.Metadata.Name is { } name && !wantedClasses.Contains(name))
            {
                await DeleteIfPresentAsync(_client.Secrets, ns, name, ct).ConfigureAwait(false);
                WorkerActuatorLog.Deleted(_logger, "Secret", name);
            }
        }
    }

    /// <summary>
    /// Creates <paramref name="desired"/>, or replaces the <paramref name="managedFields"/> (top-level) and merges the
    /// labels of the existing object; no write when nothing changes. Retries on conflicts.
    /// </summary>
    private static async Task ApplyAsync(ResourceClient<JsonObject> client, JsonObject desired, IReadOnlyList<string> managedFields, CancellationToken ct)
    {
        var ns = desired["metadata"]!["namespace"]!.GetValue<string>();
        var name = Name(desired);
        for (var attempt = 1; ; attempt++)
        {
            var existing = await client.TryGetAsync(ns, name, ct).ConfigureAwait(false);
            try
            {
                if (existing is null)
                {
                    await client.CreateAsync(desired, ct).ConfigureAwait(false);
                    return;
                }

                var updated = (JsonObject)existing.DeepClone();
                foreach (var field in managedFields)
                {
                    if (desired[field] is { } value)
                    {
                        updated[field] = value.DeepClone();
                    }
                    else
                    {
                        updated.Remove(field);
                    }
                }

                var metadata = (JsonObject)updated["metadata"]!;
                if (desired["metadata"]?["labels"] is JsonObject labels)
                {
                    var merged = metadata["labels"] as JsonObject ?? [];
                    foreach (var (key, value) in labels)
                    {
                        merged[key] = value?.DeepClone();
                    }

                    metadata["labels"] = merged;
                }

                if (!JsonNode.DeepEquals(existing, updated))
                {
                    await client.ReplaceAsync(updated, ct).ConfigureAwait(false);
                }

                return;
            }
            catch (KubernetesConflictException) when (attempt < ApplyAttempts)
            {
                // Someone else wrote in between (or created it first): read again.
            }
        }
    }

    private async Task ApplySecretAsync(Secret desired, CancellationToken ct)
    {
        var ns = desired.Metadata.Namespace!;
        var name = desired.Metadata.Name!;
        for (var attempt = 1; ; attempt++)
        {
            var existing = await _client.Secrets.TryGetAsync(ns, name, ct).ConfigureAwait(false);
            try
            {
                if (existing is null)
                {
                    await _client.Secrets.CreateAsync(desired, ct).ConfigureAwait(false);
                    return;
                }

                var labels = existing.Metadata.Labels ?? new Dictionary<string, string>();
                var labelsChanged = desired.Metadata.Labels!.Any(p => !labels.TryGetValue(p.Key, out var v) || v != p.Value);
                var current = existing.Data ?? new Dictionary<string, byte[]>();
                var dataChanged = current.Count != desired.Data!.Count
                    || desired.Data.Any(p => !current.TryGetValue(p.Key, out var v) || !v.AsSpan().SequenceEqual(p.Value));
                if (!labelsChanged && !dataChanged)
                {
                    return;
                }

                foreach (var (key, value) in desired.Metadata.Labels!)
                {
                    labels[key] = value;
                }

                existing.Metadata.Labels = labels;
                existing.Data = desired.Data;
                existing.StringData = null;
                await _client.Secrets.ReplaceAsync(existing, ct).ConfigureAwait(false);
                return;
            }
            catch (KubernetesConflictException) when (attempt < ApplyAttempts)
            {
            }
        }
    }

    /// <summary>
    /// The machine state of the namespace: per MachineDeployment its replicas and class, and its MachineSets and
    /// Machines (selected by the <c>name</c> label MCM copies from the template) without server-owned metadata.
    /// </summary>
    private async Task<WorkerState> CaptureStateAsync(string ns, CancellationToken ct)
    {
        var deployments = await ListAsync(MachineDeployments, ns, null, ct).ConfigureAwait(false);
        var machineSets = await ListAsync(MachineSets, ns, null, ct).ConfigureAwait(false);
        var machines = await ListAsync(Machines, ns, null, ct).ConfigureAwait(false);
        var result = new SortedDictionary<string, MachineDeploymentState>(StringComparer.Ordinal);
        foreach (var deployment in deployments)
        {
            var name = Name(deployment);
            var spec = deployment["spec"];
            result[name] = new MachineDeploymentState
            {
                Replicas = spec?["replicas"] is JsonValue value && value.TryGetValue<int>(out var replicas) ? replicas : 0,
                MachineClassName = spec?["template"]?["spec"]?["class"]?["name"] is JsonValue className && className.TryGetValue<string>(out var cn) ? cn : null,
                MachineSets = [.. machineSets.Where(s => Label(s, McmResources.DeploymentNameLabel) == name).Select(Strip)],
                Machines = [.. machines.Where(m => Label(m, McmResources.DeploymentNameLabel) == name).Select(Strip)],
            };
        }

        return new WorkerState { MachineDeployments = result };
    }

    /// <summary>Keeps name, labels, annotations and spec (status and server-owned metadata are re-created by MCM).</summary>
    private static JsonObject Strip(JsonObject obj)
    {
        var metadata = new JsonObject { ["name"] = Name(obj) };
        foreach (var key in new[] { "labels", "annotations" })
        {
            if (obj["metadata"]?[key] is JsonObject map)
            {
                metadata[key] = map.DeepClone();
            }
        }

        var stripped = new JsonObject
        {
            ["apiVersion"] = obj["apiVersion"]?.DeepClone(),
            ["kind"] = obj["kind"]?.DeepClone(),
            ["metadata"] = metadata,
        };
        if (obj["spec"] is { } spec)
        {
            stripped["spec"] = spec.DeepClone();
        }

        return stripped;
    }
}
