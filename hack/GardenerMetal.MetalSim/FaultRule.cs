namespace GardenerMetal.MetalSim;

/// <summary>
/// Faults injected into one route (by Swagger operationId, e.g. <c>allocateMachine</c>, or <c>*</c> for all).
/// Applied in order: latency, deterministic failures (<see cref="FailNext"/>), random failures, timeout, exhaustion;
/// with <see cref="LostResponse"/> the failures come after the change is committed.
/// Properties are settable, not <c>init</c>: System.Text.Json's source generator sets every init-only property of a
/// record, so a body without <c>errorStatusCode</c> or <c>timeoutDuration</c> got 0 instead of the defaults (issue 20).
/// </summary>
public sealed record FaultRule
{
    /// <summary>Extra delay before answering.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Probability (0–1) of answering <see cref="ErrorStatusCode"/>.</summary>
    public double ErrorRate { get; set; }

    /// <summary>Status of injected failures (400–599). Default 503.</summary>
    public int ErrorStatusCode { get; set; } = 503;

    /// <summary>The next N requests fail with <see cref="ErrorStatusCode"/> (deterministic), then the rule stops failing.</summary>
    public int FailNext { get; set; }

    /// <summary>Hang for <see cref="TimeoutDuration"/> (or until the client gives up), then answer 504.</summary>
    public bool Timeout { get; set; }

    /// <summary>How long a timeout hangs. Default 100 s.</summary>
    public TimeSpan TimeoutDuration { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Allocation routes answer exhaustion as metal-api does (422 "no machine available" / "no more …").</summary>
    public bool Exhausted { get; set; }

    /// <summary>
    /// A lost response: the request is carried out (an allocation or free is committed) and then the client gets
    /// <see cref="ErrorStatusCode"/> instead of the answer. Applies to the requests <see cref="FailNext"/> or
    /// <see cref="ErrorRate"/> select, or to every request when neither is set.
    /// </summary>
    public bool LostResponse { get; set; }
}
