using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;
using GardenerMetal.Extensions.Errors;
using GardenerMetal.Extensions.Reconciliation;
using GardenerMetal.Extensions.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace GardenerMetal.Extensions.Tests.Reconciliation;

public sealed class ExtensionReconcilerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly InMemoryExtensionStore<Infrastructure> _store = new();
    private readonly TestActuator _actuator = new();

    private ExtensionReconciler<Infrastructure> NewReconciler(bool ignoreAnnotation = false) =>
        new(_store, _actuator, new ExtensionReconcilerOptions { ExtensionTypes = ["metal"], IgnoreOperationAnnotation = ignoreAnnotation }, NullLogger.Instance);

    private async Task<ReconcileOutcome> Run(ResourceKey key) => await NewReconciler().ReconcileAsync(key, CancellationToken.None).WaitAsync(Timeout);

    [Fact]
    public async Task ReconcileAsync_NewObject_AddsFinalizerRemovesAnnotationAndSucceedsWithThreeWrites()
    {
        // Arrange
        _store.AddCluster(Fixtures.Cluster());
        var key = _store.Create(Fixtures.Infrastructure());

        // Act
        var outcome = await Run(key);

        // Assert
        var infra = _store.Snapshot(key);
        Assert.Null(outcome.Error);
        Assert.Equal(LastOperationType.Create, outcome.Operation);
        Assert.Equal(["Reconcile"], _actuator.Calls);
        Assert.Equal(["extensions.gardener.cloud/infrastructure"], infra.Metadata.Finalizers!);
        Assert.Null(infra.Metadata.GetAnnotation("gardener.cloud/operation"));
        Assert.Equal(LastOperationState.Succeeded, infra.Status!.LastOperation!.State);
        Assert.Equal(LastOperationType.Create, infra.Status.LastOperation.Type);
        Assert.Equal(100, infra.Status.LastOperation.Progress);
        Assert.Equal(1, infra.Status.ObservedGeneration);
        Assert.Null(infra.Status.LastError);
        Assert.Equal(3, _store.Writes);
        Assert.StartsWith("patch ", _store.WriteLog[0], StringComparison.Ordinal);
        Assert.Contains("\"state\":\"Processing\"", _store.WriteLog[1], StringComparison.Ordinal);
        Assert.Contains("\"progress\":1", _store.WriteLog[1], StringComparison.Ordinal);
        Assert.Contains("\"state\":\"Succeeded\"", _store.WriteLog[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReconcileAsync_AfterSuccessfulCreate_RunsReconcileOperation()
    {
        // Arrange
        _store.AddCluster(Fixtures.Cluster());
        var key = _store.Create(Fixtures.Infrastructure());
        await Run(key);
        _store.Update(key, o => o["metadata"]!["annotations"] = new JsonObject { ["gardener.cloud/operation"] = "reconcile" });

        // Act
        var outcome = await Run(key);

        // Assert
        Assert.Equal(LastOperationType.Reconcile, outcome.Operation);
        Assert.Equal(LastOperationType.Reconcile, _store.Snapshot(key).Status!.LastOperation!.Type);
        Assert.Equal(2, _actuator.Count("Reconcile"));
    }

    [Fact]
    public async Task ReconcileAsync_ActuatorSetsStatusFields_FieldsWrittenWithSuccess()
    {
        // Arrange
        _store.AddCluster(Fixtures.Cluster());
        var key = _store.Create(Fixtures.Infrastructure());
        _actuator.Behaviour = (_, infra, _) =>
        {
            infra.EnsureStatus().NodesCidr = "10.0.0.0/22";
            infra.Status!.ProviderStatus = System.Text.Json.JsonDocument.Parse("""{"kind":"InfrastructureStatus"}""").RootElement;
            return Task.FromResult(ActuatorResult.Done);
        };

        // Act
        await Run(key);

        // Assert
        var status = _store.Snapshot(key).Status!;
        Assert.Equal("10.0.0.0/22", status.NodesCidr);
        Assert.Equal("InfrastructureStatus", status.ProviderStatus!.Value.GetProperty("kind").GetString());
        Assert.Equal(3, _store.Writes);
    }

    [Fact]
    public async Task ReconcileAsync_ActuatorThrowsWithCodes_ErrorStateThenSuccessfulRetryClearsLastError()
    {
        // Arrange
        _store.AddCluster(Fixtures.Cluster());
        var key = _store.Create(Fixtures.Infrastructure());
        _actuator.Behaviour = (_, _, _) => throw new ExtensionOperationException("no free machine in partition nbg-w8101",
            [GardenerErrorCodes.InfraResourcesDepleted], retryable: true);

        // Act
        var failed = await Run(key);
        var afterFailure = _store.Snapshot(key);
        _actuator.Behaviour = null;
        var retried = await Run(key);
        var afterRetry = _store.Snapshot(key);

        // Assert
        Assert.NotNull(failed.Error);
        Assert.Equal([GardenerErrorCodes.InfraResourcesDepleted], failed.Error.Codes);
        Assert.Equal(LastOperationState.Error, afterFailure.Status!.LastOperation!.State);
        Assert.Equal(50, afterFailure.Status.LastOperation.Progress);
        Assert.Equal([GardenerErrorCodes.InfraResourcesDepleted], afterFailure.Status.LastError!.Codes!);
        Assert.Contains("no free machine", afterFailure.Status.LastError.Description, StringComparison.Ordinal);
        Assert.NotNull(afterFailure.Status.LastError.LastUpdateTime);
        Assert.Equal(1, afterFailure.Status.ObservedGeneration);
        Assert.Null(retried.Error);
        Assert.Equal(LastOperationType.Create, afterRetry.Status!.LastOperation!.Type);
        Assert.Equal(LastOperationState.Succeeded, afterRetry.Status.LastOperation.State);
        Assert.Null(afterRetry.Status.LastError);
    }

    [Fact]
    public async Task ReconcileAsync_ActuatorThrowsHttp401_ClassifiedUnauthenticated()
    {
        // Arrange
        _store.AddCluster(Fixtures.Cluster());
        var key = _store.Create(Fixtures.Infrastructure());
        _actuator.Behaviour = (_, _, _) => throw new StatusException(401);

        // Act
        var outcome = await Run(key);

        // Assert
        Assert.Equal([GardenerErrorCodes.InfraUnauthenticated], outcome.Error!.Codes);
        Assert.False(outcome.Error.Retryable);
        Assert.Equal([GardenerErrorCodes.InfraUnauthenticated], _store.Snapshot(key).Status!.LastError!.Codes!);
    }

    [Fact]
    public async Task ReconcileAsync_ActuatorPending_StaysProcessingAndRequeues()
    {
        // Arrange
        _store.AddCluster(Fixtures.Cluster());
        var key = _store.Create(Fixtures.Infrastructure());
        _actuator.Behaviour = (_, _, _) => Task.FromResult(ActuatorResult.RequeueAfterDelay(TimeSpan.FromSeconds(20), "Waiting for the firewall", 60));

        // Act
        var outcome = await Run(key);

        // Assert
        var op = _store.Snapshot(key).Status!.LastOperation!;
        Assert.Equal(TimeSpan.FromSeconds(20), outcome.RequeueAfter);
        Assert.Null(outcome.Error);
        Assert.Equal(LastOperationState.Processing, op.State);
        Assert.Equal(60, op.Progress);
        Assert.Equal("Waiting for the firewall", op.Description);
    }

    [Fact]
    public async Task ReconcileAsync_DeletionWithFinalizer_DeletesAndRemovesFinalizer()
    {
        // Arrange
        _store.AddCluster(Fixtures.Cluster());
        var key = _store.Create(Fixtures.Infrastructure());
        await Run(key);
        _store.Delete(key);

        // Act
        var outcome = await Run(key);

        // Assert
        Assert.Equal(LastOperationType.Delete, outcome.Operation);
        Assert.Equal(["Reconcile", "Delete"], _actuator.Calls);
        Assert.False(_store.Exists(key));
    }

    [Fact]
    public async Task ReconcileAsync_DeletionFails_KeepsFinalizerAndReportsError()
    {
        // Arrange
        _store.AddCluster(Fixtures.Cluster());
        var key = _store.Create(Fixtures.Infrastructure());
        await Run(key);
        _store.Delete(key);
        _actuator.Behaviour = (_, _, _) => throw new StatusException(503);

        // Act
        var outcome = await Run(key);

        // Assert
        var infra = _store.Snapshot(key);
        Assert.True(outcome.Error!.Retryable);
        Assert.Equal([GardenerErrorCodes.RetryableInfraDependencies], infra.Status!.LastError!.Codes!);
        Assert.Equal(LastOperationType.Delete, infra.Status.LastOperation!.Type);
        Assert.Equal(LastOperationState.Error, infra.Status.LastOperation.State);
        Assert.True(infra.Metadata.HasFinalizer("extensions.gardener.cloud/infrastructure"));
    }

    [Fact]
    public async Task ReconcileAsync_DeletionWithoutOurFinalizer_IsNoOp()
    {
        // Arrange
        _store.AddCluster(Fixtures.Cluster());
        var infra = Fixtures.Infrastructure(operation: null);
        infra.Metadata.Finalizers = ["someone-else"];
        var key = _store.Create(infra);
        _store.Delete(key);

        // Act
        var outcome = await Run(key);

        // Assert
        Assert.Empty(_actuator.Calls);
        Assert.NotNull(outcome.Skipped);
        Assert.Equal(0, _store.Writes);
    }

    [Fact]
    public async Task ReconcileAsync_ShootConfirmedForceDeletion_CallsForceDelete()
    {
        // Arrange
        _store.AddCluster(Fixtures.Cluster());
        var key = _store.Create(Fixtures.Infrastructure());
        await Run(key);
        _store.AddCluster(Fixtures.Cluster(shootAnnotations: new() { ["confirmation.gardener.cloud/force-deletion"] = "true" }));
        _store.Delete(key);

        // Act
        await Run(key);

        // Assert
        Assert.Equal(["Reconcile", "ForceDelete"], _actuator.Calls);
        Assert.False(_store.Exists(key));
    }

    [Fact]
    public async Task ReconcileAsync_MigrateAnnotation_MigratesRemovesFinalizerAndAnnotationThenSkipsReconcile()
    {
        // Arrange
        _store.AddCluster(Fixtures.Cluster());
        var key = _store.Create(Fixtures.Infrastructure());
        await Run(key);
        _store.Update(key, o => o["metadata"]!["annotations"] = new JsonObject { ["gardener.cloud/operation"] = "migrate" });

        // Act
        var migrated = await Run(key);
        var afterMigrate = _store.Snapshot(key);
        _store.Update(key, o => o["metadata"]!["annotations"] = new JsonObject { ["gardener.cloud/operation"] = "reconcile" });
        var reconcileAfterMigrate = await Run(key);

        // Assert
        Assert.Equal(LastOperationType.Migrate, migrated.Operation);
        Assert.Equal(LastOperationType.Migrate, afterMigrate.Status!.LastOperation!.Type);
        Assert.Equal(LastOperationState.Succeeded, afterMigrate.Status.LastOperation.State);
        Assert.False(afterMigrate.Metadata.HasFinalizer("extensions.gardener.cloud/infrastructure"));
        Assert.Null(afterMigrate.Metadata.GetAnnotation("gardener.cloud/operation"));
        Assert.Equal("migrated", reconcileAfterMigrate.Skipped);
        Assert.Equal(["Reconcile", "Migrate"], _actuator.Calls);
        Assert.Null(_store.Snapshot(key).Metadata.GetAnnotation("gardener.cloud/operation"));
    }

    [Fact]
    public async Task ReconcileAsync_RestoreAnnotation_RestoresAddsFinalizerRemovesAnnotation()
    {
        // Arrange
        _store.AddCluster(Fixtures.Cluster());
        var infra = Fixtures.Infrastructure(operation: "restore");
        infra.Status = new InfrastructureStatus { State = System.Text.Json.JsonDocument.Parse("""{"networkID":"n-1"}""").RootElement };
        var key = _store.Create(infra);
        string? stateSeen = null;
        _actuator.Behaviour = (_, i, _) =>
        {
            stateSeen = i.Status?.State?.GetProperty("networkID").GetString();
            return Task.FromResult(ActuatorResult.Done);
        };

        // Act
        var outcome = await Run(key);

        // Assert
        var after = _store.Snapshot(key);
        Assert.Equal(LastOperationType.Restore, outcome.Operation);
        Assert.Equal("n-1", stateSeen);
        Assert.Equal(["Restore"], _actuator.Calls);
        Assert.True(after.Metadata.HasFinalizer("extensions.gardener.cloud/infrastructure"));
        Assert.Null(after.Metadata.GetAnnotation("gardener.cloud/operation"));
        Assert.Equal(LastOperationType.Restore, after.Status!.LastOperation!.Type);
        Assert.Equal(LastOperationState.Succeeded, after.Status.LastOperation.State);
    }

    [Fact]
    public async Task ReconcileAsync_ShootFailed_SkipsActuatorAndRemovesReconcileAnnotation()
    {
        // Arrange
        _store.AddCluster(Fixtures.Cluster(shootState: "Failed"));
        var key = _store.Create(Fixtures.Infrastructure());

        // Act
        var outcome = await Run(key);

        // Assert
        Assert.Equal("shoot failed", outcome.Skipped);
        Assert.Empty(_actuator.Calls);
        Assert.Null(_store.Snapshot(key).Status);
        Assert.Null(_store.Snapshot(key).Metadata.GetAnnotation("gardener.cloud/operation"));
    }

    [Fact]
    public async Task ReconcileAsync_OtherSpecType_Ignored()
    {
        // Arrange
        _store.AddCluster(Fixtures.Cluster());
        var key = _store.Create(Fixtures.Infrastructure(type: "aws"));

        // Act
        var outcome = await Run(key);

        // Assert
        Assert.NotNull(outcome.Skipped);
        Assert.Empty(_actuator.Calls);
        Assert.Equal(0, _store.Writes);
    }

    [Fact]
    public async Task ReconcileAsync_SeveralSpecTypes_HandlesEachListedTypeOnly()
    {
        // Arrange: one controller for two types, as os-metal runs for its OSC types.
        _store.AddCluster(Fixtures.Cluster());
        var metal = _store.Create(Fixtures.Infrastructure("a", type: "metal"));
        var debian = _store.Create(Fixtures.Infrastructure("b", type: "debian"));
        var aws = _store.Create(Fixtures.Infrastructure("c", type: "aws"));
        var reconciler = new ExtensionReconciler<Infrastructure>(_store, _actuator, new ExtensionReconcilerOptions { ExtensionTypes = ["metal", "debian"] }, NullLogger.Instance);

        // Act
        var outcomes = new List<ReconcileOutcome>();
        foreach (var key in new[] { metal, debian, aws })
        {
            outcomes.Add(await reconciler.ReconcileAsync(key, CancellationToken.None).WaitAsync(Timeout));
        }

        // Assert
        Assert.Equal([true, true, false], outcomes.Select(o => o.Skipped is null));
        Assert.Equal(["Reconcile", "Reconcile"], _actuator.Calls);
        Assert.Null(_store.Snapshot(aws).Status);
    }

    [Fact]
    public void Constructor_NoSpecType_ArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new ExtensionReconciler<Infrastructure>(_store, _actuator, new ExtensionReconcilerOptions { ExtensionTypes = [] }, NullLogger.Instance));

        Assert.Contains("ExtensionTypes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReconcileAsync_ClusterMissing_ErrorWithRetryableCode()
    {
        // Arrange
        var key = _store.Create(Fixtures.Infrastructure());

        // Act
        var outcome = await Run(key);

        // Assert
        Assert.True(outcome.Error!.Retryable);
        Assert.Contains("Cluster", outcome.Error.Description, StringComparison.Ordinal);
        Assert.Empty(_actuator.Calls);
    }

    [Fact]
    public async Task ReconcileAsync_ObjectGone_Done()
    {
        // Act
        var outcome = await Run(new ResourceKey(Fixtures.Namespace, "missing"));

        // Assert
        Assert.Equal("gone", outcome.Skipped);
    }

    [Fact]
    public async Task ReconcileAsync_ConflictOnMetadataPatch_ReadsAgainAndRetries()
    {
        // Arrange
        _store.AddCluster(Fixtures.Cluster());
        var key = _store.Create(Fixtures.Infrastructure());
        var conflicts = 1;
        _store.BeforeWrite = kind =>
        {
            if (kind == "metadata" && conflicts-- > 0)
            {
                _store.BeforeWrite = null;
                _store.Update(key, o => o["metadata"]!["labels"] = new JsonObject { ["touched"] = "by-gardenlet" });
                _store.BeforeWrite = k => { };
            }
        };

        // Act
        var outcome = await Run(key);

        // Assert
        var after = _store.Snapshot(key);
        Assert.Null(outcome.Error);
        Assert.Equal("by-gardenlet", after.Metadata.Labels!["touched"]);
        Assert.True(after.Metadata.HasFinalizer("extensions.gardener.cloud/infrastructure"));
        Assert.Equal(LastOperationState.Succeeded, after.Status!.LastOperation!.State);
    }

    [Fact]
    public async Task ReconcileAsync_UnknownStatusFields_Kept()
    {
        // Arrange
        _store.AddCluster(Fixtures.Cluster());
        var key = _store.Create(Fixtures.Infrastructure());
        _store.Update(key, o => o["status"] = new JsonObject { ["futureField"] = "kept" });

        // Act
        await Run(key);

        // Assert
        Assert.Equal("kept", _store.Snapshot(key).Status!.ExtensionData!["futureField"].GetString());
    }

    private sealed class StatusException(int statusCode) : Exception("metal-api answered " + statusCode), IHasStatusCode
    {
        public int StatusCode { get; } = statusCode;
    }
}
