namespace GardenerMetal.Kubernetes.Controllers;

/// <summary>Per-item exponential backoff: <c>baseDelay * 2^failures</c>, capped at <c>maxDelay</c>.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class ExponentialFailureRateLimiter<T> : IRateLimiter<T>
    where T : notnull
{
    private readonly Dictionary<T, int> _failures = [];
    private readonly Lock _lock = new();

    /// <summary>Creates the limiter.</summary>
    /// <param name="baseDelay">Delay after the first failure (client-go default 5 ms).</param>
    /// <param name="maxDelay">Upper bound (client-go default 1000 s).</param>
    public ExponentialFailureRateLimiter(TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, baseDelay);
        BaseDelay = baseDelay;
        MaxDelay = maxDelay;
    }

    /// <summary>Delay after the first failure.</summary>
    public TimeSpan BaseDelay { get; }

    /// <summary>Upper bound of the delay.</summary>
    public TimeSpan MaxDelay { get; }

    /// <inheritdoc />
    public TimeSpan NextDelay(T item)
    {
        int exponent;
        lock (_lock)
        {
            exponent = _failures.TryGetValue(item, out var n) ? n : 0;
            _failures[item] = exponent + 1;
        }

        var ticks = BaseDelay.Ticks * Math.Pow(2, Math.Min(exponent, 62));
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    /// <inheritdoc />
    public void Forget(T item)
    {
        lock (_lock)
        {
            _failures.Remove(item);
        }
    }

    /// <inheritdoc />
    public int NumRequeues(T item)
    {
        lock (_lock)
        {
            return _failures.TryGetValue(item, out var n) ? n : 0;
        }
    }
}
