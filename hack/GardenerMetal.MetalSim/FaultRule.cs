namespace GardenerMetal.MetalSim;

/// <summary>
/// Faults injected into one route (by Swagger operationId, e.g. <c>allocateMachine</c>, or <c>*</c> for all).
/// Applied in order: latency, deterministic failures (<see cref="FailNext"/>), random failures, timeout, exhaustion.
/// </summary>
public sealed record FaultRule
{
    /// <summary>Extra delay before answering.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Probability (0–1) of answering <see cref="ErrorStatusCode"/>.</summary>
    public double ErrorRate { get; init; }

    /// <summary>Status of injected failures (400–599). Default 503.</summary>
    public int ErrorStatusCode { get; init; } = 503;

    /// <summary>The next N requests fail with <see cref="ErrorStatusCode"/> (deterministic), then the rule stops failing.</summary>
    public int FailNext { get; init; }

    /// <summary>Hang for <see cref="TimeoutDuration"/> (or until the client gives up), then answer 504.</summary>
    public bool Timeout { get; init; }

    /// <summary>How long a timeout hangs. Default 100 s.</summary>
    public TimeSpan TimeoutDuration { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Allocation routes answer exhaustion as metal-api does (422 "no machine available" / "no more …").</summary>
    public bool Exhausted { get; init; }
}
