using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Errors;
using GardenerMetal.Kubernetes.Models;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.Extensions.Hosting;

/// <summary>
/// Lease-based leader election (client-go semantics, coordination.k8s.io/v1 Lease): acquire when the lease is free
/// or expired, renew every retry period, step down when a renewal does not succeed within the renew deadline.
/// Writes use the resourceVersion, so two candidates never both win.
/// </summary>
public sealed class LeaseLeaderElector
{
    private readonly ResourceClient<Lease> _leases;
    private readonly string _namespace;
    private readonly string _name;
    private readonly string _identity;
    private readonly ControllerHostOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public LeaseLeaderElector(ResourceClient<Lease> leases, string @namespace, string name, string identity, ControllerHostOptions options, ILogger logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(leases);
        ArgumentException.ThrowIfNullOrWhiteSpace(@namespace);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(identity);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _leases = leases;
        _namespace = @namespace;
        _name = name;
        _identity = identity;
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// Waits for leadership, then runs <paramref name="lead"/> with a token cancelled when leadership is lost or
    /// <paramref name="cancellationToken"/> fires. Returns when <paramref name="lead"/> returns; on graceful stop the
    /// lease is released so another replica takes over at once.
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, Task> lead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        while (!await TryAcquireOrRenewAsync(cancellationToken).ConfigureAwait(false))
        {
            await Task.Delay(_options.RetryPeriod, _time, cancellationToken).ConfigureAwait(false);
        }

        HostLog.BecameLeader(_logger, _name, _identity);
        using var leadership = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renew = RenewLoopAsync(leadership);
        try
        {
            await lead(leadership.Token).ConfigureAwait(false);
        }
        finally
        {
            await leadership.CancelAsync().ConfigureAwait(false);
            await renew.ConfigureAwait(false);
            await ReleaseAsync().ConfigureAwait(false);
        }
    }

    private async Task RenewLoopAsync(CancellationTokenSource leadership)
    {
        var lastRenew = _time.GetUtcNow();
        while (!leadership.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.RetryPeriod, _time, leadership.Token).ConfigureAwait(false);
                if (await TryAcquireOrRenewAsync(leadership.Token).ConfigureAwait(false))
                {
                    lastRenew = _time.GetUtcNow();
                    continue;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (_time.GetUtcNow() - lastRenew > _options.RenewDeadline)
            {
                HostLog.LostLeadership(_logger, _name);
                await leadership.CancelAsync().ConfigureAwait(false);
                return;
            }
        }
    }

    /// <summary>One acquire-or-renew attempt; true when this identity holds the lease afterwards.</summary>
    internal async Task<bool> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = _time.GetUtcNow();
            var lease = await _leases.TryGetAsync(_namespace, _name, cancellationToken).ConfigureAwait(false);
            if (lease is null)
            {
                await _leases.CreateAsync(NewLease(now), cancellationToken).ConfigureAwait(false);
                return true;
            }

            var spec = lease.Spec ??= new LeaseSpec();
            var heldByUs = spec.HolderIdentity == _identity;
            var expired = spec.HolderIdentity is null or ""
                || spec.RenewTime is null
                || spec.RenewTime.Value.AddSeconds(spec.LeaseDurationSeconds ?? 0) < now;
            if (!heldByUs && !expired)
            {
                return false;
            }

            if (!heldByUs)
            {
                spec.HolderIdentity = _identity;
                spec.AcquireTime = now;
                spec.LeaseTransitions = (spec.LeaseTransitions ?? 0) + 1;
            }

            spec.LeaseDurationSeconds = (int)_options.LeaseDuration.TotalSeconds;
            spec.RenewTime = now;
            await _leases.ReplaceAsync(lease, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is KubernetesApiException or HttpRequestException)
        {
            HostLog.ElectionAttemptFailed(_logger, ex, _name);
            return false;
        }
    }

    private async Task ReleaseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var lease = await _leases.TryGetAsync(_namespace, _name, timeout.Token).ConfigureAwait(false);
            if (lease?.Spec?.HolderIdentity == _identity)
            {
                lease.Spec.HolderIdentity = null;
                lease.Spec.RenewTime = null;
                await _leases.ReplaceAsync(lease, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is KubernetesApiException or HttpRequestException or OperationCanceledException)
        {
            HostLog.ElectionAttemptFailed(_logger, ex, _name);
        }
    }

    private Lease NewLease(DateTimeOffset now) => new()
    {
        Metadata = new ObjectMeta { Name = _name, Namespace = _namespace },
        Spec = new LeaseSpec
        {
            HolderIdentity = _identity,
            LeaseDurationSeconds = (int)_options.LeaseDuration.TotalSeconds,
            AcquireTime = now,
            RenewTime = now,
            LeaseTransitions = 0,
        },
    };
}
