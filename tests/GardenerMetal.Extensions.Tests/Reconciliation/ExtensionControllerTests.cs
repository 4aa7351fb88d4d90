using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;
using GardenerMetal.Extensions.Errors;
using GardenerMetal.Extensions.Metrics;
using GardenerMetal.Extensions.Reconciliation;
using GardenerMetal.Extensions.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GardenerMetal.Extensions.Tests.Reconciliation;

// Meters are process-wide and the Prometheus exporter picks them up by name: classes that create controller metrics run one
// after another, so one host's /metrics never shows another test's series.
[Collection("process-wide meters")]
public sealed class ExtensionControllerTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly InMemoryExtensionStore<Infrastructure> _store = new();
    private readonly TestActuator _actuator = new();
    private readonly ControllerMetrics _metrics = new();

    private ExtensionController<Infrastructure> NewController(int workers = 2, bool ignoreAnnotation = false) => new(
        "infrastructure",
        new ExtensionReconciler<Infrastructure>(_store, _actuator, new ExtensionReconcilerOptions { ExtensionTypes = ["metal"] }, NullLogger.Instance),
        new ExtensionControllerOptions { MaxConcurrentReconciles = workers, BackoffBase = TimeSpan.FromMilliseconds(20), BackoffMax = TimeSpan.FromMilliseconds(200) },
        ignoreAnnotation,
        _metrics,
        NullLogger.Instance);

    public void Dispose() => _metrics.Dispose();

    private static async Task Eventually(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (!condition())
        {
            await Task.Delay(10, cts.Token);
        }
    }

    [Fact]
    public async Task RunAsync_ManyObjects_NeverMoreThanMaxConcurrentReconciles()
    {
        // Arrange
        _store.AddCluster(Fixtures.Cluster());
        var running = 0;
        var peak = 0;
        // The first reconciles hold until three run at once, so reaching the cap does not depend on thread-pool timing.
        var threeRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _actuator.Behaviour = async (_, _, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            if (now >= 3)
            {
                threeRunning.TrySetResult();
            }

            await threeRunning.Task.WaitAsync(Timeout, ct);
            await Task.Delay(5, ct);
            Interlocked.Decrement(ref running);
            return ActuatorResult.Done;
        };
        using var controller = NewController(workers: 3);
        for (var i = 0; i < 30; i++)
        {
            var key = _store.Create(Fixtures.Infrastructure("infra-" + i));
            controller.OnAdd(_store.Snapshot(key));
        }

        using var cts = new CancellationTokenSource();
        var run = controller.RunAsync(cts.Token);

        // Act
        await Eventually(() => _actuator.Count("Reconcile") == 30).WaitAsync(Timeout);
        await cts.CancelAsync();
        await run.WaitAsync(Timeout);

        // Assert
        Assert.Equal(3, peak);
        Assert.Equal(30, _metrics.Reconciles("infrastructure", "success"));
    }

    [Fact]
    public async Task RunAsync_ActuatorFailsTwice_RetriedWithBackoffUntilSuccessClearsLastError()
    {
        // Arrange
        _store.AddCluster(Fixtures.Cluster());
        var key = _store.Create(Fixtures.Infrastructure());
        var failures = 2;
        _actuator.Behaviour = (_, _, _) => Interlocked.Decrement(ref failures) >= 0
            ? throw new ExtensionOperationException("metal-api unavailable", [GardenerErrorCodes.RetryableInfraDependencies], retryable: true)
            : Task.FromResult(ActuatorResult.Done);
        using var controller = NewController();
        controller.OnAdd(_store.Snapshot(key));
        using var cts = new CancellationTokenSource();
        var run = controller.RunAsync(cts.Token);

        // Act
        await Eventually(() => _store.Snapshot(key).Status?.LastOperation?.State == LastOperationState.Succeeded).WaitAsync(Timeout);
        await cts.CancelAsync();
        await run.WaitAsync(Timeout);

        // Assert
        Assert.Equal(3, _actuator.Count("Reconcile"));
        Assert.Null(_store.Snapshot(key).Status!.LastError);
        Assert.Equal(2, _metrics.Reconciles("infrastructure", "error"));
        Assert.Equal(2, _metrics.Errors("infrastructure", GardenerErrorCodes.RetryableInfraDependencies));
    }

    [Fact]
    public async Task RunAsync_ActuatorLogs_LinesCarryControllerNamespaceNameAndReconcileId()
    {
        // Arrange
        using var provider = new ScopeCapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(provider));
        var actuatorLogger = loggerFactory.CreateLogger("actuator");
        _store.AddCluster(Fixtures.Cluster());
        var key = _store.Create(Fixtures.Infrastructure("logged"));
        _actuator.Behaviour = (_, _, _) =>
        {
#pragma warning disable CA1848, CA2254 // a test's plain log line
            actuatorLogger.LogInformation("inside the actuator");
#pragma warning restore CA1848, CA2254
            return Task.FromResult(ActuatorResult.Done);
        };
        using var controller = new ExtensionController<Infrastructure>(
            "infrastructure",
            new ExtensionReconciler<Infrastructure>(_store, _actuator, new ExtensionReconcilerOptions { ExtensionTypes = ["metal"] }, loggerFactory.CreateLogger("reconciler")),
            new ExtensionControllerOptions { MaxConcurrentReconciles = 1 },
            false,
            _metrics,
            loggerFactory.CreateLogger("controller"));
        controller.OnAdd(_store.Snapshot(key));
        using var cts = new CancellationTokenSource();
        var run = controller.RunAsync(cts.Token);

        // Act
        await Eventually(() => _store.Snapshot(key).Status?.LastOperation?.State == LastOperationState.Succeeded).WaitAsync(Timeout);
        await cts.CancelAsync();
        await run.WaitAsync(Timeout);

        // Assert
        var line = Assert.Single(provider.Lines, l => l.Message == "inside the actuator");
        Assert.Equal("infrastructure", line.Scope["controller"]);
        Assert.Equal(key.Namespace, line.Scope["namespace"]);
        Assert.Equal("logged", line.Scope["name"]);
        Assert.True(Guid.TryParse(line.Scope["reconcileID"], out _));
        Assert.DoesNotContain(provider.Lines, l => l.Message.StartsWith("Starting controller", StringComparison.Ordinal) && l.Scope.ContainsKey("name"));
    }

    [Fact]
    public async Task RunAsync_ActuatorAsksRequeue_ReconciledAgainAfterDelay()
    {
        // Arrange
        _store.AddCluster(Fixtures.Cluster());
        var key = _store.Create(Fixtures.Infrastructure());
        var calls = 0;
        _actuator.Behaviour = (_, _, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1
            ? ActuatorResult.RequeueAfterDelay(TimeSpan.FromMilliseconds(50), "Waiting for the network")
            : ActuatorResult.Done);
        using var controller = NewController();
        controller.OnAdd(_store.Snapshot(key));
        using var cts = new CancellationTokenSource();
        var run = controller.RunAsync(cts.Token);

        // Act
        await Eventually(() => _store.Snapshot(key).Status?.LastOperation?.State == LastOperationState.Succeeded).WaitAsync(Timeout);
        await cts.CancelAsync();
        await run.WaitAsync(Timeout);

        // Assert
        Assert.Equal(2, _actuator.Count("Reconcile"));
        Assert.Equal(1, _metrics.Reconciles("infrastructure", "requeue_after"));
    }

    [Fact]
    public void OnUpdate_StatusOnlyChange_NotEnqueued()
    {
        // Arrange
        _store.AddCluster(Fixtures.Cluster());
        var key = _store.Create(Fixtures.Infrastructure(operation: null));
        var before = _store.Snapshot(key);
        _store.Update(key, o => o["status"] = new JsonObject { ["nodesCIDR"] = "10.0.0.0/22" });
        using var controller = NewController();

        // Act
        controller.OnUpdate(before, _store.Snapshot(key));

        // Assert
        Assert.Equal(0, controller.QueueDepth);
    }

    [Theory]
    [InlineData("reconcile", true)]
    [InlineData("migrate", true)]
    [InlineData("restore", true)]
    [InlineData("wait-for-me", false)]
    public void OnUpdate_OperationAnnotationAdded_EnqueuedOnlyForKnownOperations(string operation, bool expected)
    {
        // Arrange
        var key = _store.Create(Fixtures.Infrastructure(operation: null));
        var before = _store.Snapshot(key);
        _store.Update(key, o => o["metadata"]!["annotations"] = new JsonObject { ["gardener.cloud/operation"] = operation });
        using var controller = NewController();

        // Act
        controller.OnUpdate(before, _store.Snapshot(key));

        // Assert
        Assert.Equal(expected ? 1 : 0, controller.QueueDepth);
    }

    [Fact]
    public void OnUpdate_IgnoreAnnotationModeGenerationChanged_Enqueued()
    {
        // Arrange
        var key = _store.Create(Fixtures.Infrastructure(operation: null));
        var before = _store.Snapshot(key);
        _store.Update(key, o => o["spec"]!["region"] = "fra");
        using var controller = NewController(ignoreAnnotation: true);

        // Act
        controller.OnUpdate(before, _store.Snapshot(key));

        // Assert
        Assert.Equal(1, controller.QueueDepth);
    }

    [Theory]
    [InlineData("Succeeded", false)]
    [InlineData("Error", true)]
    [InlineData("Processing", true)]
    public void OnAdd_StartupWithoutAnnotation_EnqueuedOnlyWhenLastOperationDidNotSucceed(string state, bool expected)
    {
        // Arrange
        var infra = Fixtures.Infrastructure(operation: null);
        infra.Status = new InfrastructureStatus { LastOperation = new LastOperation { Type = LastOperationType.Reconcile, State = Enum.Parse<LastOperationState>(state) } };
        using var controller = NewController();

        // Act
        controller.OnAdd(infra);

        // Assert
        Assert.Equal(expected ? 1 : 0, controller.QueueDepth);
    }

    [Fact]
    public void OnAdd_OtherType_Ignored()
    {
        // Arrange
        using var controller = NewController();

        // Act
        controller.OnAdd(Fixtures.Infrastructure(type: "aws"));

        // Assert
        Assert.Equal(0, controller.QueueDepth);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
