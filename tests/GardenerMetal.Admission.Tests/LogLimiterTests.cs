using GardenerMetal.Admission.Hosting;

namespace GardenerMetal.Admission.Tests;

public class LogLimiterTests
{
    [Fact]
    public void TryAcquire_BurstExceeded_SuppressesAndReportsCountInNextWindow()
    {
        var time = new ManualTime();
        var limiter = new LogLimiter(2, TimeSpan.FromSeconds(10), time);

        var first = Enumerable.Range(0, 5).Select(_ => limiter.TryAcquire(out _)).ToList();
        time.Advance(TimeSpan.FromSeconds(11));
        var next = limiter.TryAcquire(out var suppressed);

        Assert.Equal([true, true, false, false, false], first);
        Assert.True(next);
        Assert.Equal(3, suppressed);
    }

    private sealed class ManualTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
