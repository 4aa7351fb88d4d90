using System.Net;
using System.Text;
using GardenerMetal.Admission.Hosting;
using GardenerMetal.Tests.Shared;

namespace GardenerMetal.Admission.Tests;

/// <summary><c>--metrics-bind-address</c>: a plain-HTTP listener with /metrics only; webhooks stay HTTPS-only.</summary>
public sealed class MetricsEndpointTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task MetricsBindAddress_AfterAReview_ServesRequestMetricsAndNoWebhooksOverHttp()
    {
        // Arrange
        await using var server = await WebhookServer.StartAsync(o => o with { MetricsBindAddress = "127.0.0.1:0" });
        var review = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "testdata", "shoot-valid", "request.json"));
        using var plain = new HttpClient { BaseAddress = server.MetricsAddress, Timeout = Timeout };

        // Act
        using var reviewed = await server.Client.PostAsync(new Uri(server.BaseAddress, "/webhooks/validate"), new StringContent(review, Encoding.UTF8, "application/json")).WaitAsync(Timeout);
        PrometheusText.Scrape metrics;
        using (var cts = new CancellationTokenSource(Timeout))
        {
            while (!(metrics = PrometheusText.Parse(await plain.GetStringAsync(new Uri("/metrics", UriKind.Relative), cts.Token)))
                .Find("http_server_request_duration_seconds_count", ("http_route", "/webhooks/validate")).Any())
            {
                await Task.Delay(100, cts.Token);
            }
        }

        using var webhookOverHttp = await plain.PostAsync(new Uri("/webhooks/validate", UriKind.Relative), new StringContent(review, Encoding.UTF8, "application/json")).WaitAsync(Timeout);
        using var metricsOverHttps = await server.Client.GetAsync(new Uri(server.BaseAddress, "/metrics")).WaitAsync(Timeout);

        // Assert
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        Assert.Equal("histogram", metrics.Types["http_server_request_duration_seconds"]);
        Assert.True(metrics.Sum("http_server_request_duration_seconds_count", ("http_route", "/webhooks/validate"), ("http_response_status_code", "200")) >= 1);
        Assert.Equal(HttpStatusCode.NotFound, webhookOverHttp.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, metricsOverHttps.StatusCode);
    }

    [Fact]
    public async Task MetricsBindAddress_Unset_NoPlainListener()
    {
        await using var server = await WebhookServer.StartAsync();

        Assert.Null(server.MetricsAddress);
    }

    [Theory]
    [InlineData(":8080", "0.0.0.0", 8080)]
    [InlineData("127.0.0.1:9090", "127.0.0.1", 9090)]
    [InlineData("[::1]:8080", "::1", 8080)]
    public void ParseBindAddress_Valid_AddressAndPort(string value, string address, int port)
    {
        var (a, p) = AdmissionHost.ParseBindAddress(value);

        Assert.Equal(IPAddress.Parse(address), a);
        Assert.Equal(port, p);
    }

    [Theory]
    [InlineData("8080")]
    [InlineData("localhost:8080")]
    [InlineData(":http")]
    [InlineData(":70000")]
    public void ParseBindAddress_Invalid_ErrorNamesTheFlag(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => AdmissionHost.ParseBindAddress(value));

        Assert.Contains("--metrics-bind-address", error.Message, StringComparison.Ordinal);
    }
}
