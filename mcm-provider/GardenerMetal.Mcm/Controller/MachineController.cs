using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Controllers;
using GardenerMetal.Kubernetes.Errors;
using GardenerMetal.Kubernetes.Events;
using GardenerMetal.Kubernetes.Metrics;
using GardenerMetal.Mcm.Controller.Models;
using GardenerMetal.Mcm.Transport;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using static GardenerMetal.Mcm.Driver.V1.Driver;

namespace GardenerMetal.Mcm.Controller;

/// <summary>
/// Drives the driver from <c>machine.sapcloud.io</c> Machines with MCM's semantics: GetMachineStatus first,
/// CreateMachine on NotFound; phases Pending, Running, CrashLoopBackOff, Failed, Terminating; retry periods by
/// status code (short, medium, long); its finalizer; the delete flow; and an orphan sweep through ListMachines
/// that never runs while the seed API is unreachable or the Machine cache has not synced (MCM #657).
/// There is no target (shoot) cluster here: no drain, no node health checks, and a machine is Running as soon
/// as its VM exists.
/// </summary>
public sealed partial class MachineController : IDisposable
{
    private readonly ResourceClient<Machine> _machineClient;
    private readonly ResourceClient<MachineClass> _classClient;
    private readonly KubernetesClient _kube;
    private readonly DriverClient _driver;
    private readonly MachineControllerOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Informer<Machine> _machines;
    private readonly Informer<MachineClass> _classes;
    private readonly WorkQueue<string> _queue;
    private readonly EventRecorder _events;
    private readonly ControllerRuntimeMetrics? _metrics;

    /// <summary>
    /// Creates the controller; call <see cref="RunAsync"/>. With <paramref name="metrics"/> every reconcile is counted as
    /// <c>controller_runtime_reconcile_total{controller="machine",result}</c> (and its error counter and time histogram).
    /// </summary>
    public MachineController(KubernetesClient kube, DriverClient driver, MachineControllerOptions options, ILogger<MachineController> logger, TimeProvider? time = null, ControllerRuntimeMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(kube);
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _kube = kube;
        _driver = driver;
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _metrics = metrics;
        _machineClient = kube.Resource(McmResources.Machines, McmJsonContext.Default.Machine);
        _classClient = kube.Resource(McmResources.MachineClasses, McmJsonContext.Default.MachineClass);
        _machines = new Informer<Machine>(_machineClient, new InformerOptions { Namespace = options.Namespace });
        _classes = new Informer<MachineClass>(_classClient, new InformerOptions { Namespace = options.Namespace });
        _queue = new WorkQueue<string>(time: _time);
        _events = new EventRecorder(kube, new EventRecorderOptions { Component = EventComponent, Host = Environment.MachineName }, _time);
    }

    /// <summary>The component named in the Events this controller records.</summary>
    public const string EventComponent = "machine-controller-manager-provider-metal";

    /// <summary>The <c>controller</c> label of this controller's metrics.</summary>
    public const string MetricsName = "machine";

    /// <summary>Whether both caches have synced.</summary>
    public bool HasSynced => _machines.HasSynced && _classes.HasSynced;

    /// <summary>Runs informers, workers and the orphan sweep until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _metrics?.Initialize(MetricsName);
        _machines.AddEventHandler(
            onAdd: m => _queue.Add(ObjectKey.For(m)),
            onUpdate: (_, m) => _queue.Add(ObjectKey.For(m)),
            onDelete: m => EnqueueClassIfDeleting(m.Metadata.Namespace, m.Spec?.Class?.Name));
        _classes.AddEventHandler(
            onAdd: EnqueueMachinesOf,
            onUpdate: (_, c) => EnqueueMachinesOf(c),
            onDelete: _ => { });

        var informers = Task.WhenAll(_machines.RunAsync(cancellationToken), _classes.RunAsync(cancellationToken));
        await Task.WhenAll(_machines.WaitForSyncAsync(cancellationToken), _classes.WaitForSyncAsync(cancellationToken));
        var workers = Enumerable.Range(0, Math.Max(1, _options.Workers)).Select(_ => WorkAsync(cancellationToken)).ToList();
        var sweeper = SweepLoopAsync(cancellationToken);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        _queue.ShutDown();
        await Task.WhenAll(workers.Append(sweeper)).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        await informers.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _queue.Dispose();
        _events.Dispose();
    }

    /// <summary>Records an Event about the machine (best effort; messages never carry secret data).</summary>
    private Task<GardenerMetal.Kubernetes.Models.Event?> RecordAsync(Machine machine, string type, string reason, string message, CancellationToken cancellationToken = default) =>
        _events.RecordAsync(machine, type, reason, message, cancellationToken);

    private void EnqueueMachinesOf(MachineClass machineClass)
    {
        EnqueueClassIfDeleting(machineClass.Metadata.Namespace, machineClass.Metadata.Name);
        foreach (var machine in _machines.List(machineClass.Metadata.Namespace).Where(m => m.Spec?.Class?.Name == machineClass.Metadata.Name))
        {
            _queue.Add(ObjectKey.For(machine));
        }
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            (string Item, bool ShuttingDown) next;
            try
            {
                next = await _queue.GetAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (next.ShuttingDown)
            {
                return;
            }

            var key = next.Item;
            var started = _time.GetTimestamp();
            string? result = ReconcileResults.Error;
            try
            {
                TimeSpan? requeue;
                if (key.StartsWith(ClassKeyPrefix, StringComparison.Ordinal))
                {
                    var (classNamespace, className) = ObjectKey.Split(key[ClassKeyPrefix.Length..]);
                    requeue = await ReconcileClassAsync(classNamespace, className, cancellationToken);
                }
                else
                {
                    var (ns, name) = ObjectKey.Split(key);
                    var machine = _machines.Get(ns, name);
                    requeue = machine is null ? null : await ReconcileAsync(machine, cancellationToken);
                }

                _queue.Forget(key);
                result = ReconcileResults.Success;
                if (requeue is { } delay)
                {
                    _queue.AddAfter(key, delay);
                    result = ReconcileResults.RequeueAfter;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                result = null;
                return;
            }
            catch (KubernetesApiException ex) when (ex.StatusCode is 404 or 409)
            {
                // Routine: the object changed or went meanwhile; one short line, no stack trace, retry with a fresh read.
                MachineControllerLog.ReconcileStale(_logger, key, ex.StatusCode);
                _queue.AddRateLimited(key);
            }
            catch (Exception ex) when (ex is KubernetesApiException or RpcException or InvalidOperationException or HttpRequestException)
            {
                LogReconcileFailed(key, ex);
                _queue.AddRateLimited(key);
            }
            finally
            {
                _queue.Done(key);
                if (result is not null)
                {
                    _metrics?.ObserveReconcile(MetricsName, result, _time.GetElapsedTime(started));
                }
            }
        }
    }

    private void LogReconcileFailed(string key, Exception ex) => MachineControllerLog.ReconcileFailed(_logger, key, ex);

    /// <summary>Reconciles one Machine; returns when to look again, or null.</summary>
    internal async Task<TimeSpan?> ReconcileAsync(Machine machine, CancellationToken cancellationToken)
    {
        if (machine.Metadata.DeletionTimestamp is not null)
        {
            return await DeleteFlowAsync(machine, cancellationToken);
        }

        if (machine.Status?.CurrentStatus?.Phase == MachinePhases.Failed)
        {
            return null;
        }

        return await CreateFlowAsync(machine, cancellationToken);
    }

    private Grpc.Core.CallOptions CallOptions(CancellationToken cancellationToken) =>
        new(deadline: _time.GetUtcNow().UtcDateTime + _options.DriverCallTimeout, cancellationToken: cancellationToken);

    private TimeSpan RetryFor(StatusCode code) => code switch
    {
        StatusCode.ResourceExhausted => _options.LongRetry,
        StatusCode.Unknown or StatusCode.DeadlineExceeded or StatusCode.Aborted or StatusCode.Unavailable => _options.ShortRetry,
        _ => _options.MediumRetry,
    };

    private static bool IsTransient(StatusCode code) =>
        code is StatusCode.Unknown or StatusCode.DeadlineExceeded or StatusCode.Aborted or StatusCode.Unavailable;

    /// <summary>The MachineClass providerSpec and the merged secret data, or why they are not available.</summary>
    /// <param name="hold">Put the class and secret finalizers on them (the create flow) so they outlive their Machines.</param>
    private async Task<(ByteString Spec, Dictionary<string, ByteString> Secret, string? Problem)> DriverInputsAsync(string? ns, string? className, CancellationToken cancellationToken, bool hold = false)
    {
        if (string.IsNullOrEmpty(className))
        {
            return (ByteString.Empty, [], "spec.class.name is empty");
        }

        var machineClass = _classes.Get(ns, className);
        if (machineClass is null)
        {
            return (ByteString.Empty, [], $"MachineClass {ns}/{className} not found");
        }

        if (machineClass.ProviderSpec is not { } providerSpec)
        {
            return (ByteString.Empty, [], $"MachineClass {ns}/{className} has no providerSpec");
        }

        if (hold)
        {
            await HoldClassAsync(machineClass, cancellationToken);
        }

        var secret = new Dictionary<string, ByteString>(StringComparer.Ordinal);
        foreach (var reference in new[] { machineClass.SecretRef, machineClass.CredentialsSecretRef })
        {
            if (reference?.Name is not { Length: > 0 } secretName)
            {
                continue;
            }

            var secretNamespace = reference.Namespace ?? ns;
            var found = await _kube.Secrets.TryGetAsync(secretNamespace, secretName, cancellationToken);
            if (found is null)
            {
                return (ByteString.Empty, [], $"Secret {secretNamespace}/{secretName} of MachineClass {className} not found");
            }

            if (hold)
            {
                await HoldSecretAsync(found, cancellationToken);
            }

            foreach (var (key, value) in found.Data ?? new Dictionary<string, byte[]>())
            {
                secret[key] = ByteString.CopyFrom(value);
            }
        }

        if (secret.Count == 0)
        {
            return (ByteString.Empty, [], $"MachineClass {ns}/{className} references no secret data");
        }

        return (ByteString.CopyFrom(Encoding.UTF8.GetBytes(providerSpec.GetRawText())), secret, null);
    }

    private string Now() => _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private Task<Machine> PatchStatusAsync(Machine machine, string? phase, string type, string state, string description, string? errorCode, CancellationToken cancellationToken)
    {
        var now = Now();
        var status = new JsonObject
        {
            ["lastOperation"] = new JsonObject
            {
                ["type"] = type,
                ["state"] = state,
                ["description"] = description,
                ["errorCode"] = errorCode,
                ["lastUpdateTime"] = now,
            },
        };
        if (phase is not null)
        {
            status["currentStatus"] = new JsonObject
            {
                ["phase"] = phase,
                ["timeoutActive"] = phase is MachinePhases.Pending or MachinePhases.CrashLoopBackOff,
                ["lastUpdateTime"] = now,
            };
        }

        return _machineClient.PatchStatusAsync(machine.Metadata.Namespace, machine.Metadata.Name!, KubernetesPatch.Merge(new JsonObject { ["status"] = status }), cancellationToken);
    }

    /// <summary>A merge patch of metadata/spec guarded by the resourceVersion (409 when stale).</summary>
    private Task<Machine> PatchObjectAsync(Machine machine, JsonObject patch, CancellationToken cancellationToken)
    {
        var metadata = patch["metadata"] as JsonObject ?? [];
        metadata["resourceVersion"] = machine.Metadata.ResourceVersion;
        patch["metadata"] = metadata;
        return _machineClient.PatchAsync(machine.Metadata.Namespace, machine.Metadata.Name!, KubernetesPatch.Merge(patch), cancellationToken);
    }

    private static bool HasFinalizer(Machine machine) => machine.Metadata.Finalizers?.Contains(MachinePhases.Finalizer) == true;

    private static JsonArray Finalizers(IEnumerable<string> finalizers) => [.. finalizers.Select(f => (JsonNode?)JsonValue.Create(f))];

    /// <summary>A bootstrap token of the kubeadm form <c>[a-z0-9]{6}.[a-z0-9]{16}</c>.</summary>
    private static string NewBootstrapToken()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        return RandomNumberGenerator.GetString(alphabet, 6) + "." + RandomNumberGenerator.GetString(alphabet, 16);
    }
}
