using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Controllers;
using GardenerMetal.Kubernetes.Errors;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.McmStandIn;

/// <summary>
/// STAND-IN for upstream machine-controller-manager's MachineDeployment and MachineSet controllers, for the local seed
/// and the end-to-end test only (production runs the real MCM). From each MachineDeployment it keeps one MachineSet
/// per template (named <c>&lt;deployment&gt;-&lt;template hash&gt;</c>), rolls Machines over to a changed template
/// within maxSurge/maxUnavailable, creates Machines for missing replicas, deletes surplus (non-Running first) and
/// Failed Machines, and writes the replica counts into the status of both. Machines get owner references, so deleting a
/// MachineDeployment deletes its MachineSets and Machines through the API server's garbage collector; the Machines'
/// own finalizers (the machine controller's) decide when they are gone. It does not drive Machines itself: that is
/// the machine controller's job (mcm-provider).
/// </summary>
public sealed class MachineDeploymentStandIn
{
    private readonly ResourceClient<JsonObject> _deployments;
    private readonly ResourceClient<JsonObject> _sets;
    private readonly ResourceClient<JsonObject> _machines;
    private readonly Informer<JsonObject> _deploymentInformer;
    private readonly Informer<JsonObject> _setInformer;
    private readonly Informer<JsonObject> _machineInformer;
    private readonly McmStandInOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Expectation> _expectations = new(StringComparer.Ordinal);

    /// <summary>Creates the stand-in; nothing happens until <see cref="RunAsync"/>.</summary>
    public MachineDeploymentStandIn(KubernetesClient client, McmStandInOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _options = options ?? new McmStandInOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Workers, 1, nameof(options) + ".Workers");
        _time = time ?? TimeProvider.System;
        _logger = client.LoggerFactory.CreateLogger("GardenerMetal.McmStandIn");
        _deployments = client.Resource(McmResources.MachineDeployments);
        _sets = client.Resource(McmResources.MachineSets);
        _machines = client.Resource(McmResources.Machines);
        var informerOptions = new InformerOptions { Namespace = _options.Namespace, ResyncPeriod = TimeSpan.FromMinutes(5) };
        _deploymentInformer = new Informer<JsonObject>(_deployments, informerOptions);
        _setInformer = new Informer<JsonObject>(_sets, informerOptions);
        _machineInformer = new Informer<JsonObject>(_machines, informerOptions);
    }

    /// <summary>True once all three caches are loaded.</summary>
    public bool HasSynced => _deploymentInformer.HasSynced && _setInformer.HasSynced && _machineInformer.HasSynced;

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var queue = new WorkQueue<string>();
        _deploymentInformer.AddEventHandler(
            onAdd: d => queue.Add(ObjectKey.For(d)),
            onUpdate: (_, d) => queue.Add(ObjectKey.For(d)),
            onDelete: d => queue.Add(ObjectKey.For(d)));
        void EnqueueOwnerOfSet(JsonObject set)
        {
            if (Json.Owner(set, "MachineDeployment") is { } owner)
            {
                queue.Add(ObjectKey.Create(Json.Namespace(set), owner.Name));
            }
        }

        _setInformer.AddEventHandler(onAdd: EnqueueOwnerOfSet, onUpdate: (_, s) => EnqueueOwnerOfSet(s), onDelete: EnqueueOwnerOfSet);
        void EnqueueOwnerOfMachine(JsonObject machine)
        {
            if (Json.Owner(machine, "MachineSet") is { } owner && _setInformer.Get(Json.Namespace(machine), owner.Name) is { } set)
            {
                EnqueueOwnerOfSet(set);
            }
        }

        _machineInformer.AddEventHandler(onAdd: EnqueueOwnerOfMachine, onUpdate: (_, m) => EnqueueOwnerOfMachine(m), onDelete: EnqueueOwnerOfMachine);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var informers = new[]
        {
            _machineInformer.RunAsync(stop.Token),
            _setInformer.RunAsync(stop.Token),
            _deploymentInformer.RunAsync(stop.Token),
        };
        try
        {
            await _machineInformer.WaitForSyncAsync(stop.Token).ConfigureAwait(false);
            await _setInformer.WaitForSyncAsync(stop.Token).ConfigureAwait(false);
            await _deploymentInformer.WaitForSyncAsync(stop.Token).ConfigureAwait(false);
            using var shutdown = stop.Token.Register(queue.ShutDown);
            var workers = Enumerable.Range(0, _options.Workers).Select(_ => WorkAsync(queue, stop.Token)).ToArray();
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await Task.WhenAll(informers).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // informers end with the token
            }
        }
    }

    private async Task WorkAsync(WorkQueue<string> queue, CancellationToken ct)
    {
        while (await queue.GetAsync(ct).ConfigureAwait(false) is (var key, false))
        {
            try
            {
                var again = await ReconcileAsync(key, ct).ConfigureAwait(false);
                queue.Forget(key);
                if (again is { } delay)
                {
                    queue.AddAfter(key, delay);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a controller retries every failure with backoff
            catch (Exception ex)
#pragma warning restore CA1031
            {
                StandInLog.ReconcileFailed(_logger, ex, key);
                queue.AddRateLimited(key);
            }
            finally
            {
                queue.Done(key);
            }
        }
    }

    /// <summary>One pass over a MachineDeployment; returns a delay when it must look again without an event.</summary>
    internal async Task<TimeSpan?> ReconcileAsync(string key, CancellationToken ct)
    {
        var (ns, name) = ObjectKey.Split(key);
        if (_deploymentInformer.Get(ns, name) is not { } deployment || Json.Deleting(deployment))
        {
            return null; // the garbage collector removes the MachineSets and Machines through their owner references
        }

        var spec = deployment["spec"] as JsonObject ?? [];
        var desired = Json.Int(spec["replicas"], 1);
        RolloutStrategy strategy;
        try
        {
            strategy = RolloutPlanner.ResolveStrategy(spec["strategy"], desired);
        }
        catch (FormatException ex)
        {
            StandInLog.InvalidSpec(_logger, key, ex.Message);
            return null;
        }

        var template = spec["template"];
        var hash = TemplateHash.Compute(template);
        var uid = Json.Uid(deployment);
        var sets = _setInformer.List(ns).Where(s => Json.Owner(s, "MachineDeployment")?.Uid == uid && !Json.Deleting(s)).ToList();
        var current = sets.FirstOrDefault(s => s["metadata"]?["labels"]?[McmResources.TemplateHashLabel]?.GetValue<string>() == hash);
        var old = sets.Where(s => !ReferenceEquals(s, current)).OrderBy(Json.CreationTimestamp, StringComparer.Ordinal).ToList();
        TimeSpan? again = null;

        var paused = spec["paused"]?.GetValue<bool>() == true;
        if (!paused)
        {
            var plan = RolloutPlanner.Plan(desired, strategy, current is null ? null : State(current), old.Select(State).ToList());
            if (current is null)
            {
                if (plan.NewReplicas > 0 || old.Count == 0)
                {
                    current = await CreateSetAsync(deployment, template, hash, plan.NewReplicas, ct).ConfigureAwait(false);
                }
            }
            else
            {
                current = await ScaleSetAsync(current, plan.NewReplicas, ct).ConfigureAwait(false);
            }

            foreach (var set in old)
            {
                if (plan.Delete.Contains(Json.Name(set), StringComparer.Ordinal))
                {
                    var setName = Json.Name(set);
                    await _sets.DeleteAsync(ns, setName, cancellationToken: ct).ConfigureAwait(false);
                    StandInLog.DeletedMachineSet(_logger, ns, setName);
                }
                else
                {
                    await ScaleSetAsync(set, plan.OldReplicas[Json.Name(set)], ct).ConfigureAwait(false);
                }
            }
        }

        // The MachineSet part: Machines per set.
        foreach (var set in sets.Append(current).OfType<JsonObject>().DistinctBy(Json.Name))
        {
            if (!await ReconcileMachinesAsync(set, ct).ConfigureAwait(false))
            {
                again = TimeSpan.FromSeconds(1); // expectations pending: look again even if an event was missed
            }
        }

        await UpdateDeploymentStatusAsync(deployment, hash, ct).ConfigureAwait(false);
        return again;
    }

    private MachineSetState State(JsonObject set)
    {
        var machines = OwnedMachines(set);
        return new MachineSetState(
            Json.Name(set),
            Json.Int(set["spec"]?["replicas"]),
            machines.Count,
            machines.Count(m => Json.Phase(m) == "Running"));
    }

    private List<JsonObject> OwnedMachines(JsonObject set)
    {
        var uid = Json.Uid(set);
        return _machineInformer.List(Json.Namespace(set)).Where(m => Json.Owner(m, "MachineSet")?.Uid == uid && !Json.Deleting(m)).ToList();
    }

    private async Task<JsonObject> CreateSetAsync(JsonObject deployment, JsonNode? template, string hash, int replicas, CancellationToken ct)
    {
        var ns = Json.Namespace(deployment);
        var name = Json.Name(deployment) + "-" + hash;
        var labels = Json.TemplateLabels(template, hash);
        var setTemplate = template?.DeepClone() as JsonObject ?? [];
        setTemplate["metadata"] = new JsonObject { ["labels"] = labels.DeepClone() };
        var selector = deployment["spec"]?["selector"]?.DeepClone() as JsonObject ?? new JsonObject { ["matchLabels"] = new JsonObject() };
        if (selector["matchLabels"] is not JsonObject matchLabels)
        {
            selector["matchLabels"] = matchLabels = [];
        }

        matchLabels[McmResources.TemplateHashLabel] = hash;
        var set = new JsonObject
        {
            ["apiVersion"] = McmResources.ApiVersion,
            ["kind"] = "MachineSet",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ns,
                ["labels"] = labels,
                ["ownerReferences"] = new JsonArray(Json.OwnerReference("MachineDeployment", deployment)),
            },
            ["spec"] = new JsonObject
            {
                ["replicas"] = replicas,
                ["selector"] = selector,
                ["machineClass"] = template?["spec"]?["class"]?.DeepClone(),
                ["template"] = setTemplate,
                ["minReadySeconds"] = deployment["spec"]?["minReadySeconds"]?.DeepClone(),
            },
        };
        try
        {
            var created = await _sets.CreateAsync(set, ct).ConfigureAwait(false);
            StandInLog.CreatedMachineSet(_logger, ns, name, replicas);
            return created;
        }
        catch (KubernetesAlreadyExistsException)
        {
            return await _sets.GetAsync(ns, name, ct).ConfigureAwait(false);
        }
    }

    private async Task<JsonObject> ScaleSetAsync(JsonObject set, int replicas, CancellationToken ct)
    {
        var from = Json.Int(set["spec"]?["replicas"]);
        if (from == replicas)
        {
            return set;
        }

        var (ns, name) = (Json.Namespace(set), Json.Name(set));
        var patched = await _sets.PatchAsync(ns, name, KubernetesPatch.Merge(new JsonObject { ["spec"] = new JsonObject { ["replicas"] = replicas } }), ct).ConfigureAwait(false);
        StandInLog.ScaledMachineSet(_logger, ns, name, from, replicas);
        return patched;
    }

    /// <summary>Creates or deletes Machines of one set; false while earlier creations/deletions are not yet observed.</summary>
    private async Task<bool> ReconcileMachinesAsync(JsonObject set, CancellationToken ct)
    {
        var ns = Json.Namespace(set);
        var setKey = ObjectKey.Create(ns, Json.Name(set));
        if (_expectations.TryGetValue(setKey, out var pending) && !pending.Satisfied(_machineInformer, _time.GetUtcNow()))
        {
            return false;
        }

        _expectations.TryRemove(setKey, out _);
        var machines = OwnedMachines(set);
        var expectation = new Expectation(_time.GetUtcNow() + _options.ExpectationTimeout);

        // Failed Machines are replaced (upstream MachineSet behaviour).
        foreach (var failed in machines.Where(m => Json.Phase(m) == "Failed").ToList())
        {
            await DeleteMachineAsync(failed, expectation, ct).ConfigureAwait(false);
            machines.Remove(failed);
        }

        var replicas = Json.Int(set["spec"]?["replicas"]);
        if (machines.Count < replicas)
        {
            for (var i = machines.Count; i < replicas; i++)
            {
                await CreateMachineAsync(set, expectation, ct).ConfigureAwait(false);
            }
        }
        else if (machines.Count > replicas)
        {
            // Surplus: not Running before Running, then the newest first.
            var surplus = machines
                .OrderBy(m => Json.Phase(m) == "Running" ? 1 : 0)
                .ThenByDescending(Json.CreationTimestamp, StringComparer.Ordinal)
                .Take(machines.Count - replicas)
                .ToList();
            foreach (var machine in surplus)
            {
                await DeleteMachineAsync(machine, expectation, ct).ConfigureAwait(false);
            }
        }

        if (!expectation.IsEmpty)
        {
            _expectations[setKey] = expectation;
        }

        await UpdateSetStatusAsync(set, OwnedMachines(set), ct).ConfigureAwait(false);
        return expectation.IsEmpty;
    }

    private async Task CreateMachineAsync(JsonObject set, Expectation expectation, CancellationToken ct)
    {
        var ns = Json.Namespace(set);
        var template = set["spec"]?["template"];
        var name = Json.Name(set) + "-" + RandomSuffix();
        var machine = new JsonObject
        {
            ["apiVersion"] = McmResources.ApiVersion,
            ["kind"] = "Machine",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ns,
                ["labels"] = template?["metadata"]?["labels"]?.DeepClone() ?? new JsonObject(),
                ["ownerReferences"] = new JsonArray(Json.OwnerReference("MachineSet", set)),
            },
            ["spec"] = template?["spec"]?.DeepClone() ?? new JsonObject(),
        };
        expectation.Add(ObjectKey.Create(ns, name));
        await _machines.CreateAsync(machine, ct).ConfigureAwait(false);
        StandInLog.CreatedMachine(_logger, ns, name);
    }

    private async Task DeleteMachineAsync(JsonObject machine, Expectation expectation, CancellationToken ct)
    {
        var (ns, name, phase) = (Json.Namespace(machine), Json.Name(machine), Json.Phase(machine));
        expectation.Delete(ObjectKey.Create(ns, name));
        try
        {
            await _machines.DeleteAsync(ns, name, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (KubernetesNotFoundException)
        {
            // already gone
        }

        StandInLog.DeletedMachine(_logger, ns, name, phase);
    }

    private async Task UpdateSetStatusAsync(JsonObject set, List<JsonObject> machines, CancellationToken ct)
    {
        var running = machines.Count(m => Json.Phase(m) == "Running");
        var status = new JsonObject
        {
            ["replicas"] = machines.Count,
            ["fullyLabeledReplicas"] = machines.Count,
            ["readyReplicas"] = running,
            ["availableReplicas"] = running,
            ["observedGeneration"] = Json.Generation(set),
        };
        if (!SameCounts(set["status"], status))
        {
            await _sets.PatchStatusAsync(Json.Namespace(set), Json.Name(set), KubernetesPatch.Merge(new JsonObject { ["status"] = status }), ct).ConfigureAwait(false);
        }
    }

    private async Task UpdateDeploymentStatusAsync(JsonObject deployment, string hash, CancellationToken ct)
    {
        var ns = Json.Namespace(deployment);
        var uid = Json.Uid(deployment);
        var sets = _setInformer.List(ns).Where(s => Json.Owner(s, "MachineDeployment")?.Uid == uid).ToList();
        var all = sets.SelectMany(OwnedMachines).ToList();
        var updated = sets.Where(s => s["metadata"]?["labels"]?[McmResources.TemplateHashLabel]?.GetValue<string>() == hash).SelectMany(OwnedMachines).ToList();
        var desired = Json.Int(deployment["spec"]?["replicas"], 1);
        var running = all.Count(m => Json.Phase(m) == "Running");
        var status = new JsonObject
        {
            ["replicas"] = all.Count,
            ["updatedReplicas"] = updated.Count,
            ["readyReplicas"] = running,
            ["availableReplicas"] = running,
            ["unavailableReplicas"] = Math.Max(0, desired - running),
            ["observedGeneration"] = Json.Generation(deployment),
        };
        if (!SameCounts(deployment["status"], status))
        {
            await _deployments.PatchStatusAsync(ns, Json.Name(deployment), KubernetesPatch.Merge(new JsonObject { ["status"] = status }), ct).ConfigureAwait(false);
        }
    }

    private static bool SameCounts(JsonNode? existing, JsonObject wanted) =>
        existing is JsonObject e && wanted.All(p => Json.Int(e[p.Key], -1) == Json.Int(p.Value));

    private static string RandomSuffix()
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        return string.Create(5, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }
}
