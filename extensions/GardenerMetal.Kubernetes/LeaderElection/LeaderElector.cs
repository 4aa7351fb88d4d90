using GardenerMetal.Kubernetes.Errors;
using GardenerMetal.Kubernetes.Models;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.Kubernetes.LeaderElection;

/// <summary>
/// Elects one leader among candidates through a coordination.k8s.io/v1 Lease, with client-go
/// semantics: a candidate takes the lease when it is free or when the holder has not renewed for
/// <see cref="LeaderElectionOptions.LeaseDuration"/> (measured on the candidate's own clock from when
/// it last saw the lease change, so clock skew does not matter); the leader renews every
/// <see cref="LeaderElectionOptions.RetryPeriod"/> and steps down when it cannot renew within
/// <see cref="LeaderElectionOptions.RenewDeadline"/>.
/// Example: <c>await new LeaderElector(client, opts).RunAsync(ct =&gt; RunControllersAsync(ct), onStoppedLeading: () =&gt; { }, cancellationToken: stop);</c>
/// </summary>
public sealed partial class LeaderElector
{
    private readonly ResourceClient<Lease> _leases;
    private readonly LeaderElectionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private string? _observedResourceVersion;
    private long _observedAt;
    private Lease? _current;

    /// <summary>Creates an elector.</summary>
    /// <param name="client">The client.</param>
    /// <param name="options">Lease and timing.</param>
    /// <param name="time">Clock; null for the system clock.</param>
    public LeaderElector(KubernetesClient client, LeaderElectionOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _leases = client.Leases;
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = client.LoggerFactory.CreateLogger<LeaderElector>();
    }

    /// <summary>True while this candidate holds the lease.</summary>
    public bool IsLeader { get; private set; }

    /// <summary>The holder identity last observed in the lease (null or empty when free).</summary>
    public string? ObservedLeader { get; private set; }

    /// <summary>
    /// Campaigns until elected, runs <paramref name="onStartedLeading"/> while leading (its token is
    /// cancelled when leadership is lost or the run is cancelled), then calls
    /// <paramref name="onStoppedLeading"/> and returns. Releases the lease on cancellation when
    /// <see cref="LeaderElectionOptions.ReleaseOnCancel"/> is set. Run again to campaign again.
    /// </summary>
    /// <param name="onStartedLeading">Work to do as leader.</param>
    /// <param name="onStoppedLeading">Called once after leading ended (not called if never elected).</param>
    /// <param name="onNewLeader">Called when a different holder is observed (including this candidate).</param>
    /// <param name="cancellationToken">Stops campaigning / leading.</param>
    /// <returns>A task completing after leadership ended or the run was cancelled.</returns>
    public async Task RunAsync(
        Func<CancellationToken, Task> onStartedLeading,
        Action? onStoppedLeading = null,
        Action<string>? onNewLeader = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onStartedLeading);
        if (!await AcquireAsync(onNewLeader, cancellationToken))
        {
            return; // cancelled before election
        }

        using var leading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        IsLeader = true;
        LogStartedLeading(_logger, _options.Identity, _options.LeaseNamespace, _options.LeaseName);
        var work = Task.Run(() => onStartedLeading(leading.Token), CancellationToken.None);
        try
        {
            await RenewLoopAsync(onNewLeader, cancellationToken);
        }
        finally
        {
            IsLeader = false;
            await leading.CancelAsync();
            try
            {
                await work;
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogWorkFailed(_logger, ex);
            }

            if (cancellationToken.IsCancellationRequested && _options.ReleaseOnCancel)
            {
                await ReleaseAsync();
            }

            LogStoppedLeading(_logger, _options.Identity, _options.LeaseNamespace, _options.LeaseName);
            onStoppedLeading?.Invoke();
        }
    }

    private async Task<bool> AcquireAsync(Action<string>? onNewLeader, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (await TryAcquireOrRenewAsync(onNewLeader, cancellationToken))
            {
                return true;
            }

            if (!await DelayAsync(_options.RetryPeriod, cancellationToken))
            {
                return false;
            }
        }

        return false;
    }

    private async Task RenewLoopAsync(Action<string>? onNewLeader, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var deadline = _time.GetTimestamp();
            var renewed = false;
            while (!cancellationToken.IsCancellationRequested && _time.GetElapsedTime(deadline) < _options.RenewDeadline)
            {
                if (await TryAcquireOrRenewAsync(onNewLeader, cancellationToken))
                {
                    renewed = true;
                    break;
                }

                if (!await DelayAsync(_options.RetryPeriod, cancellationToken))
                {
                    return;
                }
            }

            if (!renewed)
            {
                if (!cancellationToken.IsCancellationRequested)
                {
                    LogLostLease(_logger, _options.Identity, _options.LeaseName);
                }

                return;
            }

            if (!await DelayAsync(_options.RetryPeriod, cancellationToken))
            {
                return;
            }
        }
    }

    private async Task<bool> TryAcquireOrRenewAsync(Action<string>? onNewLeader, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        try
        {
            var lease = await _leases.TryGetAsync(_options.LeaseNamespace, _options.LeaseName, cancellationToken);
            if (lease is null)
            {
                var created = await _leases.CreateAsync(
                    new Lease
                    {
                        Metadata = new ObjectMeta { Name = _options.LeaseName, Namespace = _options.LeaseNamespace },
                        Spec = NewSpec(now, acquireTime: now, transitions: 0),
                    },
                    cancellationToken);
                Observe(created, onNewLeader);
                return true;
            }

            Observe(lease, onNewLeader);
            var spec = lease.Spec ?? new LeaseSpec();
            var holder = spec.HolderIdentity;
            var heldByMe = holder == _options.Identity;
            var duration = TimeSpan.FromSeconds(spec.LeaseDurationSeconds ?? 0);
            if (!string.IsNullOrEmpty(holder) && !heldByMe && _time.GetElapsedTime(_observedAt) < duration)
            {
                return false; // held by someone else and not yet expired
            }

            lease.Spec = NewSpec(
                now,
                acquireTime: heldByMe ? spec.AcquireTime ?? now : now,
                transitions: heldByMe ? spec.LeaseTransitions ?? 0 : (spec.LeaseTransitions ?? 0) + (string.IsNullOrEmpty(holder) ? 0 : 1));
            var updated = await _leases.ReplaceAsync(lease, cancellationToken);
            Observe(updated, onNewLeader);
            return true;
        }
        catch (KubernetesApiException ex) when (ex is KubernetesConflictException or KubernetesAlreadyExistsException)
        {
            return false; // someone else won the race
        }
        catch (KubernetesApiException ex)
        {
            LogLeaseError(_logger, _options.LeaseName, ex);
            return false;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task ReleaseAsync()
    {
        if (_current is not { Spec: { } spec } lease || spec.HolderIdentity != _options.Identity)
        {
            return;
        }

        var now = _time.GetUtcNow();
        lease.Spec = new LeaseSpec
        {
            HolderIdentity = null,
            LeaseDurationSeconds = 1,
            AcquireTime = now,
            RenewTime = now,
            LeaseTransitions = spec.LeaseTransitions,
        };
        try
        {
            using var timeout = new CancellationTokenSource(_options.RenewDeadline);
            _current = await _leases.ReplaceAsync(lease, timeout.Token);
            LogReleased(_logger, _options.Identity, _options.LeaseName);
        }
        catch (Exception ex) when (ex is KubernetesApiException or OperationCanceledException)
        {
            LogReleaseFailed(_logger, _options.LeaseName, ex);
        }
    }

    private LeaseSpec NewSpec(DateTimeOffset now, DateTimeOffset acquireTime, int transitions) => new()
    {
        HolderIdentity = _options.Identity,
        LeaseDurationSeconds = (int)Math.Ceiling(_options.LeaseDuration.TotalSeconds),
        AcquireTime = acquireTime,
        RenewTime = now,
        LeaseTransitions = transitions,
    };

    private void Observe(Lease lease, Action<string>? onNewLeader)
    {
        _current = lease;
        if (lease.Metadata.ResourceVersion != _observedResourceVersion)
        {
            _observedResourceVersion = lease.Metadata.ResourceVersion;
            _observedAt = _time.GetTimestamp();
        }

        var holder = lease.Spec?.HolderIdentity;
        if (holder != ObservedLeader)
        {
            ObservedLeader = holder;
            if (!string.IsNullOrEmpty(holder))
            {
                onNewLeader?.Invoke(holder);
            }
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "{Identity} became leader of lease {Namespace}/{Name}")]
    private static partial void LogStartedLeading(ILogger logger, string identity, string @namespace, string name);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "{Identity} stopped leading lease {Namespace}/{Name}")]
    private static partial void LogStoppedLeading(ILogger logger, string identity, string @namespace, string name);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "{Identity} could not renew lease {Name} within the renew deadline")]
    private static partial void LogLostLease(ILogger logger, string identity, string name);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "Reading or writing lease {Name} failed")]
    private static partial void LogLeaseError(ILogger logger, string name, Exception exception);

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "{Identity} released lease {Name}")]
    private static partial void LogReleased(ILogger logger, string identity, string name);

    [LoggerMessage(EventId = 205, Level = LogLevel.Warning, Message = "Releasing lease {Name} failed")]
    private static partial void LogReleaseFailed(ILogger logger, string name, Exception exception);

    [LoggerMessage(EventId = 206, Level = LogLevel.Error, Message = "The leader's work failed")]
    private static partial void LogWorkFailed(ILogger logger, Exception exception);
}
