namespace GardenerMetal.Admission.Hosting;

/// <summary>
/// Lets at most <c>burst</c> log lines through per window; the rest are counted, and the count is handed
/// to the first line of the next window so the log says how many were dropped. A flood of bad requests
/// costs one short uncontended-in-practice lock each, no I/O.
/// </summary>
internal sealed class LogLimiter(int burst, TimeSpan window, TimeProvider time)
{
    private readonly Lock _gate = new();
    private long _windowStart = long.MinValue;
    private int _used;
    private int _suppressed;

    /// <summary>True when a line may be written now; <paramref name="suppressed"/> is how many were dropped before it.</summary>
    public bool TryAcquire(out int suppressed)
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            if (_windowStart == long.MinValue || time.GetElapsedTime(_windowStart, now) >= window)
            {
                _windowStart = now;
                _used = 0;
            }

            if (_used < burst)
            {
                _used++;
                suppressed = _suppressed;
                _suppressed = 0;
                return true;
            }

            _suppressed++;
            suppressed = 0;
            return false;
        }
    }
}
