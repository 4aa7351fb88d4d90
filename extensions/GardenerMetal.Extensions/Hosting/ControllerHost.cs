using System.Collections.Concurrent;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Controllers;
using GardenerMetal.Extensions.Kubernetes;
using GardenerMetal.Extensions.Metrics;
using GardenerMetal.Extensions.Reconciliation;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Controllers;
using GardenerMetal.Kubernetes.LeaderElection;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.Extensions.Hosting;

/// <summary>
/// Runs the extension controllers of one binary: each enabled controller (<c>--controllers</c>) under its own
/// leader-election Lease (<c>&lt;leader-election-id&gt;-&lt;controller&gt;</c>), with informers on its kind and on
/// Clusters, plus Gardener's heartbeat Lease. <see cref="IsReady"/> backs /readyz; <see cref="Metrics"/> records what
/// the OpenTelemetry Prometheus exporter serves on /metrics.
/// </summary>
public sealed class ControllerHost
{
    private readonly KubernetesClient _client;
    private readonly ControllerHostOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly Dictionary<string, Func<CancellationToken, Task>> _controllers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _ready = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IKubernetesStoreStats> _stores = new(StringComparer.Ordinal);

    public ControllerHost(KubernetesClient client, ControllerHostOptions options, ILoggerFactory loggerFactory, ControllerMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _client = client;
        _options = options;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<ControllerHost>();
        Metrics = metrics ?? new ControllerMetrics();
    }

    /// <summary>The metrics of every controller of this host.</summary>
    public ControllerMetrics Metrics { get; }

    /// <summary>The host's seed API client, shared with actuators created in a register callback.</summary>
    public KubernetesClient Client => _client;

    /// <summary>The host's logger factory (JSON console in a binary), for actuators created in a register callback.</summary>
    public ILoggerFactory LoggerFactory => _loggerFactory;

    /// <summary>Names of the registered controllers.</summary>
    public IReadOnlyCollection<string> RegisteredControllers => _controllers.Keys;

    /// <summary>Controllers that run: <c>--controllers</c>, or all registered.</summary>
    public IReadOnlyList<string> EnabledControllers => _options.Controllers.Count == 0 ? [.. _controllers.Keys] : _options.Controllers;

    /// <summary>True when every enabled controller is either standing by (not leader) or has synced its caches.</summary>
    public bool IsReady => EnabledControllers.All(c => _ready.GetValueOrDefault(c));

    /// <summary>API requests the framework sent for a controller so far (cache misses and writes).</summary>
    public long ApiCalls(string controller) => _stores.TryGetValue(controller, out var s) ? s.ApiCalls : 0;

    /// <summary>Registers a controller for kind <typeparamref name="T"/> handling <c>spec.type == extensionType</c>.</summary>
    public ControllerHost AddController<T>(string name, IExtensionActuator<T> actuator, string extensionType, string? extensionClass = null)
        where T : class, IExtensionResource
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(extensionType);
        return AddController(name, actuator, [extensionType], extensionClass);
    }

    /// <summary>
    /// Registers one controller for kind <typeparamref name="T"/> handling every <c>spec.type</c> in <paramref name="extensionTypes"/>:
    /// one informer, one work queue keyed by namespace/name and one leader Lease for all of them.
    /// </summary>
    public ControllerHost AddController<T>(string name, IExtensionActuator<T> actuator, IReadOnlyList<string> extensionTypes, string? extensionClass = null)
        where T : class, IExtensionResource
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(actuator);
        // Checked here too (the reconciler is built only when the controller runs), so a bad list fails at registration.
        ExtensionReconcilerOptions.ValidateExtensionTypes(extensionTypes, nameof(extensionTypes));
        if (!_controllers.TryAdd(name, ct => RunControllerAsync(name, actuator, extensionTypes, extensionClass, ct)))
        {
            throw new ArgumentException($"A controller named '{name}' is already registered.", nameof(name));
        }

        return this;
    }

    /// <summary>
    /// Adds a companion loop (e.g. a healthcheck) to the registered controller <paramref name="name"/>: it runs while
    /// that controller runs (under its leader Lease, when enabled), and each stops the other when it ends.
    /// </summary>
    public ControllerHost AddCompanion(string name, Func<CancellationToken, Task> companion)
    {
        ArgumentNullException.ThrowIfNull(companion);
        if (!_controllers.TryGetValue(name, out var run))
        {
            throw new ArgumentException($"No controller named '{name}' is registered.", nameof(name));
        }

        _controllers[name] = async ct =>
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var tasks = new[] { run(both.Token), companion(both.Token) };
            await Task.WhenAny(tasks).ConfigureAwait(false);
            await both.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(tasks).ConfigureAwait(false);
        };
        return this;
    }

    /// <summary>Runs the enabled controllers and the heartbeat until cancelled (graceful: in-flight reconciles finish within the grace period).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var unknown = EnabledControllers.Where(c => !_controllers.ContainsKey(c)).ToArray();
        if (unknown.Length > 0)
        {
            throw new InvalidOperationException($"--controllers names unregistered controller(s): {string.Join(", ", unknown)}.");
        }

        var enabled = string.Join(",", EnabledControllers);
        HostLog.StartingControllers(_logger, enabled);
        var tasks = EnabledControllers.Select(name => SuperviseAsync(name, cancellationToken)).ToList();
        if (_options.HeartbeatRenewInterval > TimeSpan.Zero)
        {
            var heartbeat = new HeartbeatLease(_client.Leases, RequireNamespace(), _options.ExtensionName, _options.HeartbeatRenewInterval, _logger);
            tasks.Add(heartbeat.RunAsync(cancellationToken));
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
        HostLog.ShuttingDown(_logger);
    }

    private async Task SuperviseAsync(string name, CancellationToken cancellationToken)
    {
        var run = _controllers[name];
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!_options.LeaderElection)
                {
                    await run(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                _ready[name] = true; // a standby replica is ready
                var elector = new LeaderElector(_client, new LeaderElectionOptions
                {
                    LeaseNamespace = RequireNamespace(),
                    LeaseName = _options.LeaderElectionId + "-" + name,
                    Identity = _options.Identity,
                    LeaseDuration = _options.LeaseDuration,
                    RenewDeadline = _options.RenewDeadline,
                    RetryPeriod = _options.RetryPeriod,
                });
                await elector.RunAsync(
                    async leading =>
                    {
                        HostLog.Leading(_logger, name);
                        Metrics.SetLeader(_options.LeaderElectionId + "-" + name, true);
                        _ready[name] = false;
                        try
                        {
                            await run(leading).ConfigureAwait(false);
                        }
                        finally
                        {
                            Metrics.SetLeader(_options.LeaderElectionId + "-" + name, false);
                            _ready[name] = true;
                        }
                    },
                    onStoppedLeading: () => HostLog.StoppedLeading(_logger, name),
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                HostLog.ControllerFailed(_logger, ex, name);
                try
                {
                    await Task.Delay(_options.RetryPeriod, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task RunControllerAsync<T>(string name, IExtensionActuator<T> actuator, IReadOnlyList<string> extensionTypes, string? extensionClass, CancellationToken cancellationToken)
        where T : class, IExtensionResource
    {
        var resources = ExtensionResources.Client<T>(_client);
        var clusters = ExtensionResources.ClusterClient(_client);
        var informer = new Informer<T>(resources);
        var clusterInformer = new Informer<Cluster>(clusters);
        var store = new KubernetesExtensionStore<T>(resources, clusters, key => informer.Get(key.Namespace, key.Name), n => clusterInformer.Get(null, n));
        _stores[name] = new StoreStats<T>(store);
        var reconciler = new ExtensionReconciler<T>(
            store,
            actuator,
            new ExtensionReconcilerOptions { ExtensionTypes = extensionTypes, ExtensionClass = extensionClass, IgnoreOperationAnnotation = _options.IgnoreOperationAnnotation },
            _loggerFactory.CreateLogger("GardenerMetal.Extensions." + name));
        using var controller = new ExtensionController<T>(
            name,
            reconciler,
            new ExtensionControllerOptions
            {
                MaxConcurrentReconciles = _options.MaxConcurrentReconciles,
                ShutdownGracePeriod = _options.ShutdownGracePeriod,
                BackoffBase = _options.BackoffBase,
                BackoffMax = _options.BackoffMax,
            },
            _options.IgnoreOperationAnnotation,
            Metrics,
            _loggerFactory.CreateLogger("GardenerMetal.Extensions.Controller." + name));
        informer.AddEventHandler(onAdd: controller.OnAdd, onUpdate: controller.OnUpdate);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var informers = Task.WhenAll(clusterInformer.RunAsync(stop.Token), informer.RunAsync(stop.Token));
        try
        {
            // Clusters first: reconciles need them, and the resource informer's start-up adds enqueue at once.
            await clusterInformer.WaitForSyncAsync(stop.Token).ConfigureAwait(false);
            await informer.WaitForSyncAsync(stop.Token).ConfigureAwait(false);
            _ready[name] = true;
            await controller.RunAsync(stop.Token).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await informers.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // informers end by cancellation
            }
        }
    }

    private string RequireNamespace() => _options.Namespace
        ?? _client.DefaultNamespace
        ?? throw new InvalidOperationException("The extension's namespace is unknown: pass --namespace or set POD_NAMESPACE.");

    private interface IKubernetesStoreStats
    {
        long ApiCalls { get; }
    }

    private sealed class StoreStats<T>(KubernetesExtensionStore<T> store) : IKubernetesStoreStats
        where T : class, IExtensionResource
    {
        public long ApiCalls => store.ApiCalls;
    }
}
