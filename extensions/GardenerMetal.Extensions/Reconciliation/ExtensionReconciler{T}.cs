using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;
using GardenerMetal.Extensions.Errors;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.Extensions.Reconciliation;

/// <summary>
/// The generic extension reconciler: everything that is not provider logic, in Gardener's order
/// (extensions/pkg/controller/&lt;kind&gt;/reconciler.go):
/// <list type="number">
/// <item>get the object (stop if gone) and filter by <c>spec.type</c>/<c>spec.class</c>;</item>
/// <item>load the Cluster; skip when the shoot failed;</item>
/// <item>remove a <c>reconcile</c> operation annotation (Gardener's OperationAnnotationWrapper: at the start);</item>
/// <item>dispatch: skip migrated objects, then Migrate, Delete/ForceDelete (deletionTimestamp), Restore, Reconcile;</item>
/// <item>finalizer, lastOperation Processing, actuator, then Error (progress 50, lastError with codes) or Succeeded
/// (progress 100, lastError cleared, observedGeneration); delete and migrate remove the finalizer, migrate and restore
/// remove their annotation at the end.</item>
/// </list>
/// The common case costs three API writes (one metadata patch, two status patches); reads come from the store's cache.
/// </summary>
/// <typeparam name="T">The extension kind.</typeparam>
public sealed class ExtensionReconciler<T>
    where T : class, IExtensionResource
{
    private readonly IExtensionStore<T> _store;
    private readonly IExtensionActuator<T> _actuator;
    private readonly ExtensionReconcilerOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly JsonTypeInfo<T> _typeInfo;

    public ExtensionReconciler(IExtensionStore<T> store, IExtensionActuator<T> actuator, ExtensionReconcilerOptions options, ILogger logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(actuator);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ExtensionReconcilerOptions.ValidateExtensionTypes(options.ExtensionTypes, nameof(options));

        _store = store;
        _actuator = actuator;
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _typeInfo = ExtensionsJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not an extension kind known to ExtensionsJsonContext.");
        Kind = typeof(T).Name;
        FinalizerName = GardenerConstants.FinalizerFor(Kind);
    }

    /// <summary>The kind name, e.g. Infrastructure.</summary>
    public string Kind { get; }

    /// <summary>The finalizer this reconciler owns: <c>extensions.gardener.cloud/&lt;kind&gt;</c>.</summary>
    public string FinalizerName { get; }

    /// <summary>Whether this controller handles the object (its <c>spec.type</c> and <c>spec.class</c>).</summary>
    public bool Handles(T resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var spec = resource.ExtensionSpec;
        var objectClass = string.IsNullOrEmpty(spec.Class) ? "shoot" : spec.Class;
        return _options.ExtensionTypes.Contains(spec.Type, StringComparer.Ordinal)
            && string.Equals(objectClass, _options.ExtensionClass ?? "shoot", StringComparison.Ordinal);
    }

    /// <summary>Runs one reconcile for the key. Never throws except on cancellation; failures are in the outcome.</summary>
    public async Task<ReconcileOutcome> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        try
        {
            return await ReconcileCoreAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            ReconcilerLog.FrameworkError(_logger, ex, Kind);
            return new ReconcileOutcome { Error = ErrorClassifier.Classify(ex) };
        }
    }

    private async Task<ReconcileOutcome> ReconcileCoreAsync(ResourceKey key, CancellationToken ct)
    {
        var resource = await _store.GetAsync(key, live: false, ct).ConfigureAwait(false);
        if (resource is null)
        {
            ReconcilerLog.ObjectGone(_logger);
            return new ReconcileOutcome { Skipped = "gone" };
        }

        if (!Handles(resource))
        {
            return Skip($"spec.type '{resource.ExtensionSpec.Type}' / class '{resource.ExtensionSpec.Class}' is not handled");
        }

        var cluster = await _store.GetClusterAsync(key.Namespace, ct).ConfigureAwait(false)
            ?? throw new ExtensionOperationException($"Cluster '{key.Namespace}' not found.", [GardenerErrorCodes.RetryableInfraDependencies], retryable: true);

        var hasReconcileAnnotation = resource.Metadata.GetAnnotation(GardenerConstants.OperationAnnotation) == GardenerConstants.OperationReconcile;
        if (cluster.IsShootFailed())
        {
            ReconcilerLog.ShootFailed(_logger, Kind);
            if (hasReconcileAnnotation)
            {
                await PatchMetadataAsync(key, resource, removeAnnotation: true, ensureFinalizer: null, ct).ConfigureAwait(false);
            }

            return new ReconcileOutcome { Skipped = "shoot failed" };
        }

        var operation = OperationTypes.Compute(resource.Metadata, resource.ExtensionStatus?.LastOperation);
        if (OperationTypes.ShouldSkip(operation, resource.ExtensionStatus?.LastOperation))
        {
            if (hasReconcileAnnotation)
            {
                await PatchMetadataAsync(key, resource, removeAnnotation: true, ensureFinalizer: null, ct).ConfigureAwait(false);
            }

            return Skip("migrated");
        }

        if (operation == LastOperationType.Migrate)
        {
            return await MigrateAsync(key, resource, cluster, hasReconcileAnnotation, ct).ConfigureAwait(false);
        }

        if (resource.Metadata.DeletionTimestamp is not null)
        {
            return await DeleteAsync(key, resource, cluster, hasReconcileAnnotation, ct).ConfigureAwait(false);
        }

        if (operation == LastOperationType.Restore)
        {
            return await RestoreAsync(key, resource, cluster, hasReconcileAnnotation, ct).ConfigureAwait(false);
        }

        return await ReconcileOperationAsync(key, resource, cluster, operation, hasReconcileAnnotation, ct).ConfigureAwait(false);
    }

    private async Task<ReconcileOutcome> ReconcileOperationAsync(ResourceKey key, T resource, Cluster cluster, LastOperationType operation, bool removeAnnotation, CancellationToken ct)
    {
        var current = await PatchMetadataAsync(key, resource, removeAnnotation, ensureFinalizer: true, ct).ConfigureAwait(false);
        if (current is null)
        {
            return Skip("gone");
        }

        return await RunAsync(key, current, operation, "Reconciling the " + Kind, "reconciling " + Kind, "Successfully reconciled " + Kind,
            () => _actuator.ReconcileAsync(current, cluster, ct), after: null, ct).ConfigureAwait(false);
    }

    private async Task<ReconcileOutcome> DeleteAsync(ResourceKey key, T resource, Cluster cluster, bool removeAnnotation, CancellationToken ct)
    {
        var current = resource;
        if (removeAnnotation)
        {
            current = await PatchMetadataAsync(key, current, removeAnnotation: true, ensureFinalizer: null, ct).ConfigureAwait(false);
        }

        if (current is null || !current.Metadata.HasFinalizer(FinalizerName))
        {
            return Skip("deleting without finalizer");
        }

        var force = cluster.Spec.Shoot is not null && OperationTypes.ShootNeedsForceDeletion(cluster.GetShoot());
        var target = current;
        return await RunAsync(key, current, LastOperationType.Delete, "Deleting the " + Kind, "deleting " + Kind, "Successfully deleted " + Kind,
            () => force ? _actuator.ForceDeleteAsync(target, cluster, ct) : _actuator.DeleteAsync(target, cluster, ct),
            after: async latest => await PatchMetadataAsync(key, latest, removeAnnotation: false, ensureFinalizer: false, ct).ConfigureAwait(false),
            ct).ConfigureAwait(false);
    }

    private async Task<ReconcileOutcome> MigrateAsync(ResourceKey key, T resource, Cluster cluster, bool removeReconcileAnnotation, CancellationToken ct)
    {
        var current = resource;
        if (removeReconcileAnnotation)
        {
            current = await PatchMetadataAsync(key, current, removeAnnotation: true, ensureFinalizer: null, ct).ConfigureAwait(false);
            if (current is null)
            {
                return Skip("gone");
            }
        }

        var target = current;
        return await RunAsync(key, current, LastOperationType.Migrate, "Starting migration of the " + Kind, "migrating " + Kind, "Successfully migrated " + Kind,
            () => _actuator.MigrateAsync(target, cluster, ct),
            after: async latest => await PatchMetadataAsync(key, latest, removeAnnotation: true, ensureFinalizer: false, ct).ConfigureAwait(false),
            ct).ConfigureAwait(false);
    }

    private async Task<ReconcileOutcome> RestoreAsync(ResourceKey key, T resource, Cluster cluster, bool removeReconcileAnnotation, CancellationToken ct)
    {
        var current = await PatchMetadataAsync(key, resource, removeReconcileAnnotation, ensureFinalizer: true, ct).ConfigureAwait(false);
        if (current is null)
        {
            return Skip("gone");
        }

        return await RunAsync(key, current, LastOperationType.Restore, "Restoring the " + Kind, "restoring " + Kind, "Successfully restored " + Kind,
            () => _actuator.RestoreAsync(current, cluster, ct),
            afterBeforeSuccess: true,
            after: async latest => await PatchMetadataAsync(key, latest, removeAnnotation: true, ensureFinalizer: null, ct).ConfigureAwait(false),
            ct: ct).ConfigureAwait(false);
    }

    /// <summary>Processing → actuator → Error | pending | Succeeded, plus the path's closing metadata patch.</summary>
    private async Task<ReconcileOutcome> RunAsync(
        ResourceKey key,
        T resource,
        LastOperationType operation,
        string processingDescription,
        string errorVerb,
        string successDescription,
        Func<Task<ActuatorResult>> call,
        Func<T, Task<T?>>? after,
        CancellationToken ct,
        bool afterBeforeSuccess = false)
    {
        var operationName = operation.ToString();
        ReconcilerLog.OperationStarting(_logger, operationName, Kind);
        var processing = await _store.PatchStatusAsync(key, LastOperationPatch(operation, LastOperationState.Processing, 1, processingDescription), ct).ConfigureAwait(false);
        if (processing is null)
        {
            return Skip("gone");
        }

        // The actuator works on the object it was handed; copy the server's view of the status into it.
        CopyLastOperation(processing, resource);

        ActuatorResult result;
        try
        {
            result = await call().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var error = ErrorClassifier.Classify(ex);
            ReconcilerLog.OperationFailed(_logger, ex, operationName, Kind, string.Join(",", error.Codes));
            var description = $"Error {errorVerb}: {error.Description}";
            var patch = FullStatusPatch(resource);
            patch["lastOperation"] = LastOperationNode(operation, LastOperationState.Error, 50, description);
            patch["lastError"] = new JsonObject
            {
                ["description"] = description,
                ["codes"] = error.Codes.Count == 0 ? null : new JsonArray(error.Codes.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
                ["lastUpdateTime"] = Now(),
            };
            patch["observedGeneration"] = resource.Metadata.Generation;
            await _store.PatchStatusAsync(key, new JsonObject { ["status"] = patch }, ct).ConfigureAwait(false);
            return new ReconcileOutcome { Error = error with { Description = description }, Operation = operation };
        }

        if (!result.Completed)
        {
            var pending = FullStatusPatch(resource);
            pending["lastOperation"] = LastOperationNode(operation, LastOperationState.Processing, result.Progress ?? 50, result.Description ?? processingDescription);
            await _store.PatchStatusAsync(key, new JsonObject { ["status"] = pending }, ct).ConfigureAwait(false);
            ReconcilerLog.OperationPending(_logger, operationName, Kind, result.RequeueAfter!.Value);
            return new ReconcileOutcome { RequeueAfter = result.RequeueAfter, Operation = operation };
        }

        var latest = processing;
        if (after is not null && afterBeforeSuccess)
        {
            latest = await after(latest).ConfigureAwait(false) ?? latest;
        }

        var success = FullStatusPatch(resource);
        success["lastOperation"] = LastOperationNode(operation, LastOperationState.Succeeded, 100, result.Description ?? successDescription);
        success["lastError"] = null;
        success["observedGeneration"] = resource.Metadata.Generation;
        var written = await _store.PatchStatusAsync(key, new JsonObject { ["status"] = success }, ct).ConfigureAwait(false);

        if (after is not null && !afterBeforeSuccess && written is not null)
        {
            await after(written).ConfigureAwait(false);
        }

        ReconcilerLog.OperationSucceeded(_logger, operationName, Kind);
        return new ReconcileOutcome { RequeueAfter = result.RequeueAfter, Operation = operation };
    }

    /// <summary>
    /// One optimistic-lock merge patch of the metadata: remove the operation annotation and/or add or remove the
    /// finalizer. No call when nothing changes. Retries on conflict with a fresh read.
    /// </summary>
    private async Task<T?> PatchMetadataAsync(ResourceKey key, T resource, bool removeAnnotation, bool? ensureFinalizer, CancellationToken ct)
    {
        var current = resource;
        for (var attempt = 0; ; attempt++)
        {
            var metadata = new JsonObject();
            if (removeAnnotation && current.Metadata.Annotations?.ContainsKey(GardenerConstants.OperationAnnotation) == true)
            {
                metadata["annotations"] = new JsonObject { [GardenerConstants.OperationAnnotation] = null };
            }

            var finalizers = current.Metadata.Finalizers ?? [];
            var has = finalizers.Contains(FinalizerName, StringComparer.Ordinal);
            if (ensureFinalizer == true && !has)
            {
                metadata["finalizers"] = new JsonArray(finalizers.Append(FinalizerName).Select(f => (JsonNode?)JsonValue.Create(f)).ToArray());
            }
            else if (ensureFinalizer == false && has)
            {
                var remaining = finalizers.Where(f => f != FinalizerName).Select(f => (JsonNode?)JsonValue.Create(f)).ToArray();
                metadata["finalizers"] = remaining.Length == 0 ? null : new JsonArray(remaining);
            }

            if (metadata.Count == 0)
            {
                return current;
            }

            metadata["resourceVersion"] = current.Metadata.ResourceVersion;
            try
            {
                return await _store.PatchAsync(key, new JsonObject { ["metadata"] = metadata }, ct).ConfigureAwait(false);
            }
            catch (StoreConflictException) when (attempt < _options.ConflictRetries)
            {
                ReconcilerLog.Conflict(_logger);
                var fresh = await _store.GetAsync(key, live: true, ct).ConfigureAwait(false);
                if (fresh is null)
                {
                    return null;
                }

                current = fresh;
            }
        }
    }

    private JsonObject FullStatusPatch(T resource)
    {
        var node = JsonSerializer.SerializeToNode(resource, _typeInfo) as JsonObject;
        return node?["status"] is JsonObject status ? (JsonObject)status.DeepClone() : [];
    }

    private JsonObject LastOperationPatch(LastOperationType type, LastOperationState state, int progress, string description) =>
        new() { ["status"] = new JsonObject { ["lastOperation"] = LastOperationNode(type, state, progress, description) } };

    private JsonObject LastOperationNode(LastOperationType type, LastOperationState state, int progress, string description) => new()
    {
        ["description"] = description,
        ["lastUpdateTime"] = Now(),
        ["progress"] = progress,
        ["state"] = state.ToString(),
        ["type"] = type.ToString(),
    };

    /// <summary>Now, in whole seconds (metav1.Time precision, so the server's echo equals what was written).</summary>
    private string Now()
    {
        var now = _time.GetUtcNow();
        return KubeTimeConverter.Format(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)));
    }

    private static void CopyLastOperation(T from, T to)
    {
        to.EnsureStatus().LastOperation = from.ExtensionStatus?.LastOperation;
        to.Metadata.ResourceVersion = from.Metadata.ResourceVersion;
    }

    private ReconcileOutcome Skip(string reason)
    {
        ReconcilerLog.Skipped(_logger, reason);
        return new ReconcileOutcome { Skipped = reason };
    }
}
