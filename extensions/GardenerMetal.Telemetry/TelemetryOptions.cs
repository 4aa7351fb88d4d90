using OpenTelemetry.Trace;

namespace GardenerMetal.Telemetry;

/// <summary>Settings of <see cref="GardenerTelemetry.AddGardenerTelemetry"/>.</summary>
public sealed record TelemetryOptions
{
    /// <summary>The <c>service.name</c> resource attribute (<c>OTEL_SERVICE_NAME</c> overrides it).</summary>
    public required string ServiceName { get; init; }

    /// <summary>The OTLP endpoint; null reads <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, and no endpoint exports no traces.</summary>
    public string? OtlpEndpoint { get; init; }

    /// <summary>Meters beyond <c>GardenerMetal.*</c> to export (e.g. a library's).</summary>
    public IReadOnlyList<string> AdditionalMeters { get; init; } = [];

    /// <summary>Extra tracer set-up (e.g. a test's in-memory exporter); when set, tracing runs even without OTLP.</summary>
    public Action<TracerProviderBuilder>? ConfigureTracing { get; init; }
}
