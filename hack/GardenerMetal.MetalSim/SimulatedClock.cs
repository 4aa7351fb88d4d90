namespace GardenerMetal.MetalSim;

/// <summary>A manually stepped clock for the simulated world (thread-safe).</summary>
public sealed class SimulatedClock : TimeProvider
{
    private long _ticks;

    /// <summary>Starts at <paramref name="start"/>, or at the current system time.</summary>
    public SimulatedClock(DateTimeOffset? start = null) =>
        _ticks = (start ?? System.GetUtcNow()).UtcTicks;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        Interlocked.Add(ref _ticks, delta.Ticks);
    }
}
