namespace GardenerMetal.Kubernetes.Controllers;

/// <summary>
/// Overall token bucket (client-go BucketRateLimiter): <c>qps</c> tokens per second, bursts up to
/// <c>burst</c>. Each <see cref="NextDelay"/> reserves a token and returns the wait until it is available.
/// </summary>
/// <typeparam name="T">The item type (ignored: the bucket is shared by all items).</typeparam>
public sealed class BucketRateLimiter<T> : IRateLimiter<T>
    where T : notnull
{
    private readonly double _qps;
    private readonly double _burst;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private double _tokens;
    private long _last;

    /// <summary>Creates the limiter.</summary>
    /// <param name="qps">Tokens per second (client-go default 10).</param>
    /// <param name="burst">Bucket size (client-go default 100).</param>
    /// <param name="time">Clock; null for the system clock.</param>
    public BucketRateLimiter(double qps, int burst, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(qps, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        _qps = qps;
        _burst = burst;
        _tokens = burst;
        _time = time ?? TimeProvider.System;
        _last = _time.GetTimestamp();
    }

    /// <inheritdoc />
    public TimeSpan NextDelay(T item)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            var elapsed = _time.GetElapsedTime(_last, now).TotalSeconds;
            _last = now;
            _tokens = Math.Min(_burst, _tokens + (elapsed * _qps));
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _qps);
        }
    }

    /// <inheritdoc />
    public void Forget(T item)
    {
    }

    /// <inheritdoc />
    public int NumRequeues(T item) => 0;
}
