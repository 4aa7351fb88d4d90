using System.Net;
using System.Net.Http.Headers;
using GardenerMetal.MetalApi;

namespace GardenerMetal.MetalSim.Tests;

public sealed class SimFaultsTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private const string Project = "7a3e9c1e-5d2f-4f0b-9a61-2c8e4b6d1f00";
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
    public async Task AdminEndpoint_ReadmeLatencyExample_AcceptedAndDelaysTheRoute()
    {
        // Issue 20: the README's own example was refused ("errorStatusCode must be between 400 and 599").
        using var client = new MetalApiClient(_sim.ClientOptions() with { MaxRetries = 0 });

        using var put = await _http.SendAsync(Admin(HttpMethod.Put, "/_sim/faults/listSizes", """{"latency":"00:00:00.2"}""")).WaitAsync(Bound);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var sizes = await client.ListSizesAsync().WaitAsync(Bound);
        var took = started.Elapsed;

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.NotEmpty(sizes);
        Assert.True(took >= TimeSpan.FromMilliseconds(190), $"answered after {took}");
        Assert.Equal(503, _sim.Faults.Rules["listSizes"].ErrorStatusCode);
    }

    [Fact]
    public async Task AdminEndpoint_TimeoutWithStatusCode_KeepsTheDefaultHang()
    {
        // Issue 20: {"timeout":true} with a status code hung 0 s.
        using var client = new MetalApiClient(_sim.ClientOptions() with { MaxRetries = 0, Timeout = TimeSpan.FromMilliseconds(500) });

        using var put = await _http.SendAsync(Admin(HttpMethod.Put, "/_sim/faults/listPartitions", """{"timeout":true,"errorStatusCode":503}""")).WaitAsync(Bound);
        var error = await Assert.ThrowsAsync<MetalApiException>(() => client.ListPartitionsAsync()).WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(100), _sim.Faults.Rules["listPartitions"].TimeoutDuration);
        Assert.True(error.IsTransient, error.Message);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task AdminEndpoint_LostResponse_CommitsTheAllocationThenAnswersTheError()
    {
        using var client = new MetalApiClient(_sim.ClientOptions() with { MaxRetries = 0 });
        var before = _sim.AllocatedMachines().Count;

        using var put = await _http.SendAsync(Admin(HttpMethod.Put, "/_sim/faults/allocateNetwork", """{"lostResponse":true,"failNext":1}""")).WaitAsync(Bound);
        var request = new GardenerMetal.MetalApi.V1.NetworkAllocateRequest { PartitionId = "sim-fra-equ01", ProjectId = Project, Name = "lost" };
        var lost = await Assert.ThrowsAsync<MetalApiException>(() => client.AllocateNetworkAsync(request)).WaitAsync(Bound);
        var afterLost = _sim.Networks().Count(n => n.ProjectId == Project);
        var second = await client.AllocateNetworkAsync(request with { Name = "second" }).WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, lost.StatusCode);
        Assert.Equal(1, afterLost);
        Assert.Equal("second", second.Name);
        Assert.Equal(2, _sim.Networks().Count(n => n.ProjectId == Project));
        Assert.Equal(before, _sim.AllocatedMachines().Count);
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
