using System.Text.Json.Nodes;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Controllers;
using GardenerMetal.Kubernetes.Errors;
using GardenerMetal.Kubernetes.Models;
using GardenerMetal.Mcm.Controller.Models;

namespace GardenerMetal.Mcm.Controller;

/// <summary>
/// Finalizers as MCM places them: <see cref="MachinePhases.ClassFinalizer"/> on every MachineClass a Machine uses and
/// <see cref="MachinePhases.Finalizer"/> on the Secrets it references, so that deleting the shoot namespace cannot
/// take a class or its credentials away while Machines still need them to free their metal machines (issue 20).
/// A deleting class keeps its finalizer until no Machine uses it; its Secrets keep theirs until no other class
/// references them (Secrets first, so a crash in between leaves nothing held for ever).
/// </summary>
public sealed partial class MachineController
{
    private const string ClassKeyPrefix = "MachineClass:";

    private static string ClassKey(string? ns, string name) => ClassKeyPrefix + ObjectKey.Create(ns, name);

    private void EnqueueClassIfDeleting(string? ns, string? name)
    {
        if (name is { Length: > 0 } && _classes.Get(ns, name) is { Metadata.DeletionTimestamp: not null })
        {
            _queue.Add(ClassKey(ns, name));
        }
    }

    /// <summary>Puts the class finalizer on the MachineClass (before its Secrets get theirs).</summary>
    private async Task HoldClassAsync(MachineClass machineClass, CancellationToken cancellationToken)
    {
        var finalizers = machineClass.Metadata.Finalizers ?? [];
        if (machineClass.Metadata.DeletionTimestamp is not null || finalizers.Contains(MachinePhases.ClassFinalizer))
        {
            return;
        }

        await PatchFinalizersAsync(_classClient, machineClass, [.. finalizers, MachinePhases.ClassFinalizer], cancellationToken);
    }

    /// <summary>Puts the machine controller's finalizer on a Secret a class references.</summary>
    private async Task HoldSecretAsync(Secret secret, CancellationToken cancellationToken)
    {
        var finalizers = secret.Metadata.Finalizers ?? [];
        if (secret.Metadata.DeletionTimestamp is not null || finalizers.Contains(MachinePhases.Finalizer))
        {
            return;
        }

        await PatchFinalizersAsync(_kube.Secrets, secret, [.. finalizers, MachinePhases.Finalizer], cancellationToken);
    }

    /// <summary>A deleting MachineClass: releases its Secrets and then itself once no Machine uses it.</summary>
    internal async Task<TimeSpan?> ReconcileClassAsync(string? ns, string name, CancellationToken cancellationToken)
    {
        var machineClass = _classes.Get(ns, name);
        if (machineClass?.Metadata.DeletionTimestamp is null || !(machineClass.Metadata.Finalizers ?? []).Contains(MachinePhases.ClassFinalizer))
        {
            return null;
        }

        var users = _machines.List(ns).Count(m => m.Spec?.Class?.Name == name);
        if (users > 0)
        {
            MachineControllerLog.ClassInUse(_logger, name, users);
            return _options.MediumRetry;
        }

        var stillReferenced = _classes.List(ns)
            .Where(c => c.Metadata.Name != name)
            .SelectMany(c => new[] { c.SecretRef, c.CredentialsSecretRef })
            .Where(r => r?.Name is { Length: > 0 })
            .Select(r => ObjectKey.Create(r!.Namespace ?? ns, r.Name!))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var reference in new[] { machineClass.SecretRef, machineClass.CredentialsSecretRef })
        {
            if (reference?.Name is not { Length: > 0 } secretName || stillReferenced.Contains(ObjectKey.Create(reference.Namespace ?? ns, secretName)))
            {
                continue;
            }

            var secret = await _kube.Secrets.TryGetAsync(reference.Namespace ?? ns, secretName, cancellationToken);
            if (secret?.Metadata.Finalizers?.Contains(MachinePhases.Finalizer) == true)
            {
                await PatchFinalizersAsync(_kube.Secrets, secret, [.. secret.Metadata.Finalizers.Where(f => f != MachinePhases.Finalizer)], cancellationToken);
            }
        }

        await PatchFinalizersAsync(_classClient, machineClass, [.. (machineClass.Metadata.Finalizers ?? []).Where(f => f != MachinePhases.ClassFinalizer)], cancellationToken);
        MachineControllerLog.ClassReleased(_logger, name);
        return null;
    }

    /// <summary>Sets metadata.finalizers guarded by the resourceVersion (409 when stale: the work queue retries); 404 is done.</summary>
    private static async Task PatchFinalizersAsync<T>(ResourceClient<T> client, T obj, IReadOnlyList<string> finalizers, CancellationToken cancellationToken)
        where T : KubernetesObjectBase
    {
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["finalizers"] = finalizers.Count == 0 ? null : Finalizers(finalizers),
                ["resourceVersion"] = obj.Metadata.ResourceVersion,
            },
        };
        try
        {
            await client.PatchAsync(obj.Metadata.Namespace, obj.Metadata.Name!, KubernetesPatch.Merge(patch), cancellationToken);
        }
        catch (KubernetesApiException ex) when (ex.StatusCode == 404)
        {
            // Gone meanwhile.
        }
    }
}
