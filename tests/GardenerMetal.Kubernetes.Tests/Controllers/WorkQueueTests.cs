using GardenerMetal.Kubernetes.Controllers;

namespace GardenerMetal.Kubernetes.Tests.Controllers;

public sealed class WorkQueueTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static WorkQueue<string> NewQueue(TimeSpan? baseDelay = null)
        => new(new ExponentialFailureRateLimiter<string>(baseDelay ?? TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(5)));

    [Fact]
    public async Task Add_SameKeyTwiceBeforeGet_IsProcessedOnce()
    {
        using var q = NewQueue();
        q.Add("ns/a");
        q.Add("ns/b");
        q.Add("ns/a");

        Assert.Equal(2, q.Count);
        Assert.Equal("ns/a", (await q.GetAsync().AsTask().WaitAsync(Timeout)).Item);
        Assert.Equal("ns/b", (await q.GetAsync().AsTask().WaitAsync(Timeout)).Item);
        Assert.Equal(0, q.Count);
    }

    [Fact]
    public async Task Add_WhileProcessing_IsDeferredUntilDoneAndNeverHandedToASecondWorker()
    {
        using var q = NewQueue();
        q.Add("k");
        var (item, _) = await q.GetAsync().AsTask().WaitAsync(Timeout);

        q.Add("k");
        var second = q.GetAsync().AsTask();
        await Task.Delay(100);
        Assert.False(second.IsCompleted);
        Assert.Equal(0, q.Count);

        q.Done(item);
        Assert.Equal("k", (await second.WaitAsync(Timeout)).Item);
    }

    [Fact]
    public async Task GetAsync_ManyWorkers_NoKeyIsProcessedConcurrently()
    {
        using var q = NewQueue();
        using var cts = new CancellationTokenSource();
        var inFlight = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var violations = 0;
        var processed = 0;
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (await q.GetAsync() is (var key, false))
            {
                if (inFlight.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
                {
                    Interlocked.Increment(ref violations);
                }

                await Task.Yield();
                inFlight.AddOrUpdate(key, 0, (_, n) => n - 1);
                Interlocked.Increment(ref processed);
                q.Done(key);
            }
        })).ToArray();

        for (var i = 0; i < 2000; i++)
        {
            q.Add($"k{i % 5}");
            if (i % 50 == 0)
            {
                await Task.Yield();
            }
        }

        while (q.Count > 0)
        {
            await Task.Delay(10);
        }

        q.ShutDown();
        await Task.WhenAll(workers).WaitAsync(Timeout);
        Assert.Equal(0, violations);
        Assert.InRange(processed, 5, 2000);
    }

    [Fact]
    public async Task AddRateLimited_RepeatedFailures_BacksOffAndForgetResets()
    {
        using var q = NewQueue(TimeSpan.FromMilliseconds(500)); // long enough that the item cannot be back before the Count check

        q.AddRateLimited("k");
        q.AddRateLimited("k");
        Assert.Equal(2, q.NumRequeues("k"));
        Assert.Equal(0, q.Count);
        var got = await q.GetAsync().AsTask().WaitAsync(Timeout);
        Assert.Equal("k", got.Item);
        q.Forget("k");
        q.Done("k");

        Assert.Equal(0, q.NumRequeues("k"));
    }

    [Fact]
    public async Task AddAfter_Delay_ItemAppearsOnlyAfterwards()
    {
        using var q = NewQueue();
        var started = DateTime.UtcNow;

        q.AddAfter("k", TimeSpan.FromMilliseconds(800));
        Assert.Equal(0, q.Count);
        var (item, _) = await q.GetAsync().AsTask().WaitAsync(Timeout);

        Assert.Equal("k", item);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(790));
    }

    [Fact]
    public async Task AddAfter_EarlierDelayForSameKey_WinsAndItemIsAddedOnce()
    {
        using var q = NewQueue();

        q.AddAfter("k", TimeSpan.FromMilliseconds(300));
        q.AddAfter("k", TimeSpan.FromMilliseconds(50));
        var (item, _) = await q.GetAsync().AsTask().WaitAsync(Timeout);
        q.Done(item);
        await Task.Delay(400);

        Assert.Equal(0, q.Count);
    }

    [Fact]
    public async Task ShutDown_WaitingWorkers_AreReleasedAndAddsIgnored()
    {
        using var q = NewQueue();
        var waiting = q.GetAsync().AsTask();

        q.ShutDown();
        q.Add("late");

        Assert.True((await waiting.WaitAsync(Timeout)).ShuttingDown);
        Assert.True(q.ShuttingDown);
        Assert.Equal(0, q.Count);
    }

    [Fact]
    public async Task ShutDown_QueuedItems_AreStillHandedOutFirst()
    {
        using var q = NewQueue();
        q.Add("a");

        q.ShutDown();

        Assert.Equal(("a", false), await q.GetAsync().AsTask().WaitAsync(Timeout));
        Assert.True((await q.GetAsync().AsTask().WaitAsync(Timeout)).ShuttingDown);
    }
}
