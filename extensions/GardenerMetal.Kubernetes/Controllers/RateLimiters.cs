namespace GardenerMetal.Kubernetes.Controllers;

/// <summary>Factory for the standard controller rate limiter.</summary>
public static class RateLimiters
{
    /// <summary>
    /// client-go's DefaultControllerRateLimiter: per-item exponential backoff 5 ms … 1000 s, combined
    /// with an overall bucket of 10 qps / burst 100.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="time">Clock; null for the system clock.</param>
    /// <returns>The limiter.</returns>
    public static IRateLimiter<T> Default<T>(TimeProvider? time = null)
        where T : notnull
        => new MaxOfRateLimiter<T>(
            new ExponentialFailureRateLimiter<T>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000)),
            new BucketRateLimiter<T>(10, 100, time));
}
