using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace GardenerMetal.Kubernetes.Metrics;

/// <summary>
/// Counts every request to the Kubernetes API as client-go does: <c>rest_client_requests_total{code,method,host}</c>
/// (code <c>&lt;error&gt;</c> when no response came) and <c>rest_client_request_duration_seconds{verb,host}</c>.
/// Put it in front of the client's transport handler.
/// </summary>
public sealed class RestClientMetricsHandler : DelegatingHandler
{
    /// <summary>client-go's request latency buckets in seconds.</summary>
    public static readonly IReadOnlyList<double> DurationBuckets = [0.005, 0.025, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60];

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;

    /// <summary>Creates the handler with its instruments on a meter from <paramref name="meterFactory"/>, or on an own meter when null.</summary>
    public RestClientMetricsHandler(HttpMessageHandler innerHandler, IMeterFactory? meterFactory = null)
        : base(innerHandler)
    {
        (_meter, _ownsMeter) = KubernetesMeters.Create(meterFactory);
        _requests = _meter.CreateCounter<long>("rest_client_requests_total", description: "Number of HTTP requests, partitioned by status code, method, and host.");
        _duration = _meter.CreateHistogram<double>("rest_client_request_duration_seconds", "s", "Request latency in seconds. Broken down by verb, and host.", null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var host = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.Authority : "";
        var started = Stopwatch.GetTimestamp();
        var code = "<error>";
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            code = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            return response;
        }
        finally
        {
            _requests.Add(1, new TagList { { "code", code }, { "method", request.Method.Method }, { "host", host } });
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new TagList { { "verb", request.Method.Method }, { "host", host } });
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsMeter)
        {
            _meter.Dispose();
        }

        base.Dispose(disposing);
    }
}
