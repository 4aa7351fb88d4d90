using System.Net;
using System.Net.Http.Headers;
using GardenerMetal.MetalApi;

namespace GardenerMetal.MetalSim.Tests;

public sealed class SimFaultsTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private MetalApiSimulator _sim = null!;
    private readonly HttpClient _http = new();

    public async ValueTask InitializeAsync() => _sim = await MetalApiSimulator.StartAsync(new MetalSimOptions()).WaitAsync(Bound);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _sim.DisposeAsync();
    }

    private HttpRequestMessage Admin(HttpMethod method, string path, string? body = null)
    {
        var req = new HttpRequestMessage(method, new Uri(_sim.BaseAddress, path));
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _sim.BearerToken);
        if (body is not null)
        {
            req.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        return req;
    }

    [Fact]
    public async Task AdminEndpoint_PutThenDelete_SwitchesFaultAtRuntime()
    {
        using var client = new MetalApiClient(_sim.ClientOptions() with { MaxRetries = 0 });

        using var put = await _http.SendAsync(Admin(HttpMethod.Put, "/_sim/faults/listPartitions", """{"errorRate":1,"errorStatusCode":500}""")).WaitAsync(Bound);
        var failing = await Assert.ThrowsAsync<MetalApiException>(() => client.ListPartitionsAsync()).WaitAsync(Bound);
        using var list = await _http.SendAsync(Admin(HttpMethod.Get, "/_sim/faults")).WaitAsync(Bound);
        var listed = await list.Content.ReadAsStringAsync().WaitAsync(Bound);
        using var del = await _http.SendAsync(Admin(HttpMethod.Delete, "/_sim/faults/listPartitions")).WaitAsync(Bound);
        var ok = await client.ListPartitionsAsync().WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, failing.StatusCode);
        Assert.Contains("listPartitions", listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, del.StatusCode);
        Assert.NotEmpty(ok);
    }

    [Fact]
    public async Task AdminEndpoint_UnknownRoute_400NamingKnownRoutes()
    {
        using var put = await _http.SendAsync(Admin(HttpMethod.Put, "/_sim/faults/nope", """{"errorRate":1}""")).WaitAsync(Bound);
        var body = await put.Content.ReadAsStringAsync().WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("allocateMachine", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminEndpoint_ViewKey_Forbidden()
    {
        var req = new HttpRequestMessage(HttpMethod.Delete, new Uri(_sim.BaseAddress, "/_sim/faults"));
        var ts = MetalHmac.FormatTimestamp(DateTimeOffset.UtcNow);
        var salt = MetalHmac.CreateSalt();
        req.Headers.TryAddWithoutValidation("Authorization", "Metal-View " + MetalHmac.ComputeSignature(System.Text.Encoding.UTF8.GetBytes(_sim.ViewHmacKey), ts, "DELETE", salt));
        req.Headers.TryAddWithoutValidation("X-Date", ts);
        req.Headers.TryAddWithoutValidation("X-Data-Salt", salt);

        using var resp = await _http.SendAsync(req).WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.Forbidden, resp.StatusCode);
    }

    [Fact]
    public async Task Latency_OnAllRoutes_DelaysAnswers()
    {
        using var client = _sim.CreateClient();
        _sim.Faults.Set(SimFaults.AllRoutes, new FaultRule { Latency = TimeSpan.FromMilliseconds(300) });

        var sw = System.Diagnostics.Stopwatch.StartNew();
        await client.GetVersionAsync().WaitAsync(Bound);

        Assert.True(sw.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {sw.Elapsed}");
    }

    [Theory]
    [InlineData(1.5, 503)]
    [InlineData(0.5, 302)]
    public void Set_InvalidRule_ArgumentException(double rate, int status) =>
        Assert.Throws<ArgumentException>(() => _sim.Faults.Set("findMachine", new FaultRule { ErrorRate = rate, ErrorStatusCode = status }));
}
