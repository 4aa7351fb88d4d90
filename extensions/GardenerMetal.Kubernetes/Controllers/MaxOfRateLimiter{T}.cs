namespace GardenerMetal.Kubernetes.Controllers;

/// <summary>Combines limiters: the delay is the largest of them; requeues the largest count.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class MaxOfRateLimiter<T> : IRateLimiter<T>
    where T : notnull
{
    private readonly IRateLimiter<T>[] _limiters;

    /// <summary>Creates the limiter.</summary>
    /// <param name="limiters">At least one limiter.</param>
    public MaxOfRateLimiter(params IRateLimiter<T>[] limiters)
    {
        ArgumentNullException.ThrowIfNull(limiters);
        if (limiters.Length == 0)
        {
            throw new ArgumentException("At least one rate limiter is required.", nameof(limiters));
        }

        _limiters = limiters;
    }

    /// <inheritdoc />
    public TimeSpan NextDelay(T item)
    {
        var max = TimeSpan.Zero;
        foreach (var limiter in _limiters)
        {
            var d = limiter.NextDelay(item);
            if (d > max)
            {
                max = d;
            }
        }

        return max;
    }

    /// <inheritdoc />
    public void Forget(T item)
    {
        foreach (var limiter in _limiters)
        {
            limiter.Forget(item);
        }
    }

    /// <inheritdoc />
    public int NumRequeues(T item) => _limiters.Max(l => l.NumRequeues(item));
}
