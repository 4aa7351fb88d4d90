using System.Text.Json.Nodes;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Kubernetes;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Errors;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.Provider.Controllers.ControlPlane;

/// <summary>
/// The healthcheck companion of the ControlPlane controller (Gardener's <c>DefaultRegistration</c>): every
/// <see cref="Interval"/> it evaluates <see cref="ControlPlaneHealth"/> for each ControlPlane of type <c>metal</c>
/// and writes the conditions into <c>status.conditions</c> (keeping <c>lastTransitionTime</c> while the status holds).
/// </summary>
public sealed class ControlPlaneHealthChecker
{
    private readonly KubernetesClient _client;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public ControlPlaneHealthChecker(KubernetesClient client, ILogger<ControlPlaneHealthChecker> logger, TimeSpan? interval = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(logger);
        _client = client;
        _logger = logger;
        Interval = interval ?? TimeSpan.FromSeconds(30);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Interval, TimeSpan.Zero, nameof(interval));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How often every ControlPlane is checked (Gardener: 30 s).</summary>
    public TimeSpan Interval { get; }

    /// <summary>Checks every ControlPlane each interval until cancelled; a failing pass is logged and retried next interval.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval, _time);
        do
        {
            try
            {
                await CheckAllAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is KubernetesApiException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                ControlPlaneHealthLog.PassFailed(_logger, ex);
            }
        }
        while (await WaitAsync(timer, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>One pass over every ControlPlane of type metal.</summary>
    public async Task CheckAllAsync(CancellationToken cancellationToken)
    {
        var controlPlanes = _client.Resource(ExtensionResources.ControlPlanes);
        var list = new List<JsonObject>();
        await foreach (var cp in controlPlanes.ListAllAsync(null, null, cancellationToken).ConfigureAwait(false))
        {
            list.Add(cp);
        }

        foreach (var cp in list.Where(c => c["spec"]?["type"]?.GetValue<string>() == "metal" && c["metadata"]?["deletionTimestamp"] is null))
        {
            await CheckAsync(cp["metadata"]!["namespace"]!.GetValue<string>(), cp["metadata"]!["name"]!.GetValue<string>(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Evaluates and writes the conditions of one ControlPlane.</summary>
    public async Task CheckAsync(string ns, string name, CancellationToken cancellationToken)
    {
        var controlPlanes = _client.Resource(ExtensionResources.ControlPlanes);
        var cluster = await ExtensionResources.ClusterClient(_client).TryGetAsync(null, ns, cancellationToken).ConfigureAwait(false);
        var hibernated = cluster?.Spec.Shoot is not null && ControlPlaneActuator.IsHibernated(cluster.GetShoot());
        var deployments = _client.Resource(ControlPlaneResources.Deployments);
        var mrs = _client.Resource(ControlPlaneResources.ManagedResources);
        var deployment = await deployments.TryGetAsync(ns, ManagedResourceNames.CloudControllerManager, cancellationToken).ConfigureAwait(false);
        var resources = new Dictionary<string, JsonObject?>(StringComparer.Ordinal)
        {
            [ManagedResourceNames.Shoot] = await mrs.TryGetAsync(ns, ManagedResourceNames.Shoot, cancellationToken).ConfigureAwait(false),
            [ManagedResourceNames.StorageClasses] = await mrs.TryGetAsync(ns, ManagedResourceNames.StorageClasses, cancellationToken).ConfigureAwait(false),
        };
        var results = new[] { ControlPlaneHealth.CheckControlPlane(deployment, hibernated), ControlPlaneHealth.CheckSystemComponents(resources) };

        var cp = await controlPlanes.TryGetAsync(ns, name, cancellationToken).ConfigureAwait(false);
        if (cp is null)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var stamp = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var existing = cp["status"]?["conditions"] as JsonArray ?? [];
        var conditions = new JsonArray();
        foreach (var old in existing.OfType<JsonObject>().Where(c => results.All(r => r.Type != c["type"]?.GetValue<string>())))
        {
            conditions.Add(old.DeepClone());
        }

        var changed = false;
        foreach (var result in results)
        {
            var status = result.Healthy ? "True" : "False";
            var previous = existing.OfType<JsonObject>().FirstOrDefault(c => c["type"]?.GetValue<string>() == result.Type);
            var same = previous is not null && previous["status"]?.GetValue<string>() == status
                && previous["reason"]?.GetValue<string>() == result.Reason && previous["message"]?.GetValue<string>() == result.Message;
            changed |= !same;
            conditions.Add(new JsonObject
            {
                ["type"] = result.Type,
                ["status"] = status,
                ["reason"] = result.Reason,
                ["message"] = result.Message,
                ["lastTransitionTime"] = previous is not null && previous["status"]?.GetValue<string>() == status ? previous["lastTransitionTime"]?.DeepClone() : stamp,
                ["lastUpdateTime"] = same ? previous!["lastUpdateTime"]?.DeepClone() : stamp,
            });
            if (!result.Healthy && !same)
            {
                ControlPlaneHealthLog.Unhealthy(_logger, ns, result.Type, result.Reason);
            }
        }

        if (!changed)
        {
            return;
        }

        try
        {
            await controlPlanes.PatchStatusAsync(ns, name, KubernetesPatch.Merge(new JsonObject { ["status"] = new JsonObject { ["conditions"] = conditions } }), cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesNotFoundException)
        {
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
