using System.Net;
using System.Text.Json;
using GardenerMetal.MetalApi;

namespace GardenerMetal.MetalSim.Tests;

/// <summary>HMAC headers are produced by Python's hmac module, independent of the project's signer.</summary>
public sealed class SimAuthTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private const string Sign = """
import hmac, hashlib, datetime, random, string, sys, json
key, method, age, auth = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
ts = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=age)).strftime("%Y-%m-%dT%H:%M:%SZ")
salt = "".join(random.SystemRandom().choice(string.ascii_letters) for _ in range(24))
mac = hmac.new(key.encode(), (ts + method + salt).encode(), hashlib.sha256).hexdigest()
print(json.dumps({"Authorization": auth + " " + mac, "X-Date": ts, "X-Data-Salt": salt}))
""";

    private MetalApiSimulator _sim = null!;
    private readonly HttpClient _http = new();

    public async ValueTask InitializeAsync() => _sim = await MetalApiSimulator.StartAsync(new MetalSimOptions()).WaitAsync(Bound);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _sim.DisposeAsync();
    }

    private static async Task<Dictionary<string, string>> Headers(string key, string method, int ageSeconds = 0, string auth = "Metal-Admin") =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(await Python.RunAsync(Sign, key, method, ageSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), auth))!;

    private async Task<HttpStatusCode> Send(string method, string path, Dictionary<string, string> headers, string? body = null)
    {
        using var req = new HttpRequestMessage(new HttpMethod(method), new Uri(_sim.BaseAddress, path));
        foreach (var (k, v) in headers)
        {
            req.Headers.TryAddWithoutValidation(k, v);
        }

        if (body is not null)
        {
            req.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        using var resp = await _http.SendAsync(req).WaitAsync(Bound);
        return resp.StatusCode;
    }

    [Theory]
    [InlineData("Metal-Admin")]
    [InlineData("Metal-Edit")]
    [InlineData("Metal-View")]
    public async Task Request_PythonSignedHeaders_Accepted(string authType)
    {
        var key = authType switch { "Metal-Admin" => _sim.AdminHmacKey, "Metal-Edit" => _sim.EditHmacKey, _ => _sim.ViewHmacKey };

        var status = await Send("GET", "/v1/partition", await Headers(key, "GET", auth: authType).WaitAsync(Bound)).WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Request_PythonSignedPost_Accepted()
    {
        var status = await Send("POST", "/v1/machine/find", await Headers(_sim.EditHmacKey, "POST", auth: "Metal-Edit").WaitAsync(Bound), "{}").WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Request_WrongKey_401()
    {
        var status = await Send("GET", "/v1/partition", await Headers("not-the-key", "GET").WaitAsync(Bound)).WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Request_SignedForOtherMethod_401()
    {
        var status = await Send("DELETE", "/v1/machine/x/free", await Headers(_sim.AdminHmacKey, "GET").WaitAsync(Bound)).WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Theory]
    [InlineData("Metal-Admin", 100)]
    [InlineData("Metal-View", 40)]
    public async Task Request_XDateOlderThanLifetime_401(string authType, int ageSeconds)
    {
        var key = authType == "Metal-Admin" ? _sim.AdminHmacKey : _sim.ViewHmacKey;

        var status = await Send("GET", "/v1/partition", await Headers(key, "GET", ageSeconds, authType).WaitAsync(Bound)).WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Request_AdminXDate60sOld_StillWithinAdminLifetime()
    {
        var status = await Send("GET", "/v1/partition", await Headers(_sim.AdminHmacKey, "GET", 60).WaitAsync(Bound)).WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Request_MissingSalt_401()
    {
        var headers = await Headers(_sim.AdminHmacKey, "GET").WaitAsync(Bound);
        headers.Remove("X-Data-Salt");

        var status = await Send("GET", "/v1/partition", headers).WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("Bearer wrong", HttpStatusCode.Unauthorized)]
    [InlineData("Metal-Root abc", HttpStatusCode.Unauthorized)]
    public async Task Request_BadAuthorization_401(string? authorization, HttpStatusCode expected)
    {
        var headers = authorization is null ? [] : new Dictionary<string, string> { ["Authorization"] = authorization };

        var status = await Send("GET", "/v1/machine", headers).WaitAsync(Bound);

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task Request_Bearer_Accepted()
    {
        var status = await Send("GET", "/v1/machine", new Dictionary<string, string> { ["Authorization"] = "Bearer " + _sim.BearerToken }).WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Health_NoCredentials_Ok()
    {
        var status = await Send("GET", "/v1/health", []).WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task ClientSigner_AgainstSimulator_Accepted()
    {
        using var client = _sim.CreateClient(MetalApiAuthTypes.Edit);

        var machines = await client.FindMachinesAsync(new MetalApi.V1.MachineFindRequest()).WaitAsync(Bound);

        Assert.NotEmpty(machines);
    }
}
