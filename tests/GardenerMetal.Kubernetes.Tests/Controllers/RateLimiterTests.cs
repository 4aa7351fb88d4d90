using GardenerMetal.Kubernetes.Controllers;
using GardenerMetal.Kubernetes.Tests.Fakes;

namespace GardenerMetal.Kubernetes.Tests.Controllers;

public sealed class RateLimiterTests
{
    [Fact]
    public void ExponentialFailure_RepeatedFailures_DoubleUntilTheCapAndForgetResets()
    {
        var limiter = new ExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(30));

        var delays = Enumerable.Range(0, 5).Select(_ => limiter.NextDelay("a").TotalMilliseconds).ToArray();

        Assert.Equal([5, 10, 20, 30, 30], delays);
        Assert.Equal(5, limiter.NumRequeues("a"));
        Assert.Equal(5, limiter.NextDelay("b").TotalMilliseconds);
        limiter.Forget("a");
        Assert.Equal(0, limiter.NumRequeues("a"));
        Assert.Equal(5, limiter.NextDelay("a").TotalMilliseconds);
    }

    [Fact]
    public void Bucket_BurstExhausted_DelaysByQpsAndRefillsOverTime()
    {
        var time = new ManualTimeProvider();
        var limiter = new BucketRateLimiter<string>(qps: 10, burst: 2, time);

        Assert.Equal(TimeSpan.Zero, limiter.NextDelay("a"));
        Assert.Equal(TimeSpan.Zero, limiter.NextDelay("b"));
        Assert.Equal(TimeSpan.FromMilliseconds(100), limiter.NextDelay("c"));
        Assert.Equal(TimeSpan.FromMilliseconds(200), limiter.NextDelay("d"));
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, limiter.NextDelay("e"));
    }

    [Fact]
    public void MaxOf_CombinesLimiters_TakesTheLongestDelay()
    {
        var time = new ManualTimeProvider();
        var limiter = new MaxOfRateLimiter<string>(
            new ExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1)),
            new BucketRateLimiter<string>(1, 1, time));

        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.NextDelay("a"));
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.NextDelay("a"));
        Assert.Equal(2, limiter.NumRequeues("a"));
    }
}
