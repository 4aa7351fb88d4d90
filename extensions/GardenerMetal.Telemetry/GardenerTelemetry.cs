using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GardenerMetal.Telemetry;

/// <summary>
/// One telemetry set-up for every deployable:
/// <list type="bullet">
/// <item>metrics: every <c>GardenerMetal.*</c> meter (controller-runtime, workqueue and rest-client metrics under their
/// Prometheus names, the driver's and the webhook's) plus .NET runtime metrics, served by the OpenTelemetry Prometheus
/// exporter on <c>/metrics</c> (<see cref="MapMetrics"/>);</item>
/// <item>traces: every <c>GardenerMetal.*</c> activity source (a span per reconcile, metal-api calls, driver calls) plus
/// HTTP client and server spans, exported by OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; without it (and without
/// <see cref="TelemetryOptions.ConfigureTracing"/>) no tracer runs and spans cost nothing;</item>
/// <item>logs: trace and span IDs on every line written inside a span.</item>
/// </list>
/// </summary>
public static class GardenerTelemetry
{
    /// <summary>The meters and activity sources of the suite (a wildcard over their names).</summary>
    public const string SourcePattern = "GardenerMetal.*";

    /// <summary>The standard variable whose presence turns the OTLP trace exporter on.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private static readonly string[] ProbePaths = ["/metrics", "/healthz", "/readyz"];

    /// <summary>Adds metrics, traces and log correlation to <paramref name="builder"/> as described on the class.</summary>
    public static WebApplicationBuilder AddGardenerTelemetry(this WebApplicationBuilder builder, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(SourcePattern)
                .AddMeter(options.AdditionalMeters.ToArray())
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());

        var otlpEndpoint = options.OtlpEndpoint ?? Environment.GetEnvironmentVariable(OtlpEndpointVariable);
        if (!string.IsNullOrWhiteSpace(otlpEndpoint) || options.ConfigureTracing is not null)
        {
            otel.WithTracing(tracing =>
            {
                tracing.AddSource(SourcePattern)
                    .AddHttpClientInstrumentation()
                    .AddAspNetCoreInstrumentation(o => o.Filter = IsNotProbe);
                if (!string.IsNullOrWhiteSpace(otlpEndpoint))
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = new Uri(otlpEndpoint));
                }

                options.ConfigureTracing?.Invoke(tracing);
            });
        }

        return builder;
    }

    /// <summary>Serves the Prometheus text exposition of every meter on <c>/metrics</c>.</summary>
    public static IEndpointConventionBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPrometheusScrapingEndpoint("/metrics");
    }

    private static bool IsNotProbe(HttpContext context) =>
        !ProbePaths.Any(p => context.Request.Path.Equals(p, StringComparison.Ordinal));
}
