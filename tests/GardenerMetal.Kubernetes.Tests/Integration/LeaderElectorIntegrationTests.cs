using System.Diagnostics;
using GardenerMetal.Kubernetes.LeaderElection;

namespace GardenerMetal.Kubernetes.Tests.Integration;

public sealed class LeaderElectorIntegrationTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(2);

    /// <summary>For the release test: so long that a takeover before it can only come from the release, however busy the machine.</summary>
    private static readonly TimeSpan LongLeaseDuration = TimeSpan.FromSeconds(60);

    private static LeaderElectionOptions Options(string ns, string identity, bool release, TimeSpan? leaseDuration = null) => new()
    {
        LeaseNamespace = ns,
        LeaseName = "controller",
        Identity = identity,
        LeaseDuration = leaseDuration ?? LeaseDuration,
        RenewDeadline = (leaseDuration ?? LeaseDuration) * 0.75,
        RetryPeriod = TimeSpan.FromMilliseconds(200),
        ReleaseOnCancel = release,
    };

    private sealed class Candidate(string name, LeaderElector elector)
    {
        public string Name { get; } = name;

        public LeaderElector Elector { get; } = elector;

        public CancellationTokenSource Stop { get; } = new();

        public TaskCompletionSource<long> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Leading;

        public int StoppedLeading;

        public Task Run { get; set; } = Task.CompletedTask;

        public void Start() => Run = Elector.RunAsync(
            async ct =>
            {
                Interlocked.Increment(ref Leading);
                Started.TrySetResult(Stopwatch.GetTimestamp());
                try
                {
                    await Task.Delay(System.Threading.Timeout.Infinite, ct);
                }
                finally
                {
                    Interlocked.Decrement(ref Leading);
                }
            },
            onStoppedLeading: () => Interlocked.Increment(ref StoppedLeading),
            cancellationToken: Stop.Token);
    }

    private async Task<(Candidate Leader, Candidate Follower)> ElectAsync(string ns, bool release, TimeSpan? leaseDuration = null)
    {
        var a = new Candidate("a", new LeaderElector(fixture.Client, Options(ns, "a", release, leaseDuration)));
        var b = new Candidate("b", new LeaderElector(fixture.Client, Options(ns, "b", release, leaseDuration)));
        a.Start();
        b.Start();
        var first = await Task.WhenAny(a.Started.Task, b.Started.Task).WaitAsync(Timeout);
        return first == a.Started.Task ? (a, b) : (b, a);
    }

    [Fact]
    public async Task RunAsync_TwoCandidates_ExactlyOneLeads()
    {
        var ns = await fixture.NewNamespaceAsync();
        var (leader, follower) = await ElectAsync(ns, release: true);

        // Let several renew periods pass; the follower must stay a follower.
        await Task.Delay(LeaseDuration + TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);

        Assert.Equal(1, Volatile.Read(ref leader.Leading));
        Assert.Equal(0, Volatile.Read(ref follower.Leading));
        Assert.True(leader.Elector.IsLeader);
        Assert.False(follower.Elector.IsLeader);
        Assert.Equal(leader.Name, follower.Elector.ObservedLeader);
        var lease = await fixture.Client.Leases.GetAsync(ns, "controller").WaitAsync(Timeout);
        Assert.Equal(leader.Name, lease.Spec!.HolderIdentity);
        Assert.Equal(2, lease.Spec.LeaseDurationSeconds);
        await leader.Stop.CancelAsync();
        await follower.Stop.CancelAsync();
        await Task.WhenAll(leader.Run, follower.Run).WaitAsync(Timeout);
    }

    [Fact]
    public async Task RunAsync_LeaderStopsRenewing_FollowerTakesOverWithinLeaseDuration()
    {
        var ns = await fixture.NewNamespaceAsync();
        var (leader, follower) = await ElectAsync(ns, release: false);
        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        Assert.False(follower.Started.Task.IsCompleted);

        var stoppedAt = Stopwatch.GetTimestamp();
        await leader.Stop.CancelAsync(); // stops renewing without releasing, like a crashed process
        await leader.Run.WaitAsync(Timeout);
        var takenAt = await follower.Started.Task.WaitAsync(Timeout);

        // The follower waits for the lease to expire on its own clock: at most lease duration after the
        // last renewal it observed, plus one retry period to notice (and scheduling slack on a busy machine).
        var takeover = Stopwatch.GetElapsedTime(stoppedAt, takenAt);
        Assert.InRange(takeover, TimeSpan.FromMilliseconds(800), LeaseDuration + TimeSpan.FromMilliseconds(200) + TimeSpan.FromSeconds(3));
        Assert.Equal(0, Volatile.Read(ref leader.Leading));
        var lease = await fixture.Client.Leases.GetAsync(ns, "controller").WaitAsync(Timeout);
        Assert.Equal(follower.Name, lease.Spec!.HolderIdentity);
        Assert.Equal(1, lease.Spec.LeaseTransitions);
        await follower.Stop.CancelAsync();
        await follower.Run.WaitAsync(Timeout);
    }

    [Fact]
    public async Task RunAsync_LeaderCancelledWithRelease_FollowerTakesOverBeforeExpiry()
    {
        var ns = await fixture.NewNamespaceAsync();
        var (leader, follower) = await ElectAsync(ns, release: true, LongLeaseDuration);
        var stoppedAt = Stopwatch.GetTimestamp();
        await leader.Stop.CancelAsync();
        await leader.Run.WaitAsync(Timeout);
        var takenAt = await follower.Started.Task.WaitAsync(Timeout); // Timeout (20 s) is a third of the lease: only a release gets here

        Assert.True(Stopwatch.GetElapsedTime(stoppedAt, takenAt) < LongLeaseDuration / 3, "a released lease is taken without waiting for expiry");
        Assert.Equal(1, Volatile.Read(ref leader.StoppedLeading));
        Assert.Equal(0, Volatile.Read(ref follower.StoppedLeading));
        await follower.Stop.CancelAsync();
        await follower.Run.WaitAsync(Timeout);
    }

    [Fact]
    public void Constructor_RenewDeadlineNotShorterThanLease_ThrowsNamingTheOption()
    {
        var options = Options("ns", "x", true) with { RenewDeadline = LeaseDuration };

        var ex = Assert.Throws<ArgumentException>(() => new LeaderElector(fixture.Client, options));

        Assert.Equal("RenewDeadline", ex.ParamName);
    }
}
