namespace GardenerMetal.Kubernetes.Controllers;

/// <summary>Decides how long an item waits before it is re-queued (client-go workqueue.RateLimiter).</summary>
/// <typeparam name="T">The item type.</typeparam>
public interface IRateLimiter<T>
    where T : notnull
{
    /// <summary>Records one more failure of <paramref name="item"/> and returns how long to wait.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The delay.</returns>
    TimeSpan NextDelay(T item);

    /// <summary>Clears the failure history of <paramref name="item"/> (call on success).</summary>
    /// <param name="item">The item.</param>
    void Forget(T item);

    /// <summary>How often <paramref name="item"/> failed since the last <see cref="Forget"/>.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The count.</returns>
    int NumRequeues(T item);
}
