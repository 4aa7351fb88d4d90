using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Errors;
using GardenerMetal.Kubernetes.Models;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.Extensions.Hosting;

/// <summary>
/// Gardener's extension heartbeat (docs/extensions/heartbeat.md): the Lease <c>gardener-extension-heartbeat</c> in
/// the extension's namespace, holderIdentity = extension name, leaseDurationSeconds = renew interval, renewTime
/// refreshed every renew interval / 4 (as upstream does, to absorb controller lag).
/// </summary>
public sealed class HeartbeatLease
{
    /// <summary>The Lease name Gardener looks for.</summary>
    public const string LeaseName = "gardener-extension-heartbeat";

    private readonly ResourceClient<Lease> _leases;
    private readonly string _namespace;
    private readonly string _extensionName;
    private readonly TimeSpan _renewInterval;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public HeartbeatLease(ResourceClient<Lease> leases, string @namespace, string extensionName, TimeSpan renewInterval, ILogger logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(leases);
        ArgumentException.ThrowIfNullOrWhiteSpace(@namespace);
        ArgumentException.ThrowIfNullOrWhiteSpace(extensionName);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(renewInterval, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(logger);
        _leases = leases;
        _namespace = @namespace;
        _extensionName = extensionName;
        _renewInterval = renewInterval;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Renews the lease until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await RenewOnceAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is KubernetesApiException or HttpRequestException)
            {
                HostLog.HeartbeatFailed(_logger, ex);
            }

            try
            {
                await Task.Delay(_renewInterval / 4, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Creates or updates the lease once.</summary>
    public async Task RenewOnceAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var seconds = (int)Math.Ceiling(_renewInterval.TotalSeconds);
        var lease = await _leases.TryGetAsync(_namespace, LeaseName, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            await _leases.CreateAsync(new Lease
            {
                Metadata = new ObjectMeta { Name = LeaseName, Namespace = _namespace },
                Spec = new LeaseSpec { HolderIdentity = _extensionName, LeaseDurationSeconds = seconds, RenewTime = now },
            }, cancellationToken).ConfigureAwait(false);
            return;
        }

        lease.Spec ??= new LeaseSpec();
        lease.Spec.HolderIdentity = _extensionName;
        lease.Spec.LeaseDurationSeconds = seconds;
        lease.Spec.RenewTime = now;
        await _leases.ReplaceAsync(lease, cancellationToken).ConfigureAwait(false);
    }
}
