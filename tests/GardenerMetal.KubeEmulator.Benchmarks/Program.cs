using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GardenerMetal.KubeEmulator;

// Emulator benchmark: GET throughput (h2load) and write → 100 watchers latency. Writes the figures to --out.
var output = Path.Combine(".local", "bench", "emulator.txt");
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--out")
    {
        output = args[i + 1];
    }
}

await using var server = await KubeEmulatorServer.StartAsync(new KubeEmulatorOptions());
using var ca = X509Certificate2.CreateFromPem(server.CaCertificatePem);
using var http = CreateClient(server, ca);
var ns = "/api/v1/namespaces/default/configmaps";
await SendAsync(http, HttpMethod.Post, ns, """{"metadata":{"name":"bench"},"data":{"k":"v"}}""", "application/json");

var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"# Kubernetes API emulator benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, other builds may run concurrently)");

// 1. GET throughput with h2load (HTTP/2 over TLS, bearer token).
var url = new Uri(server.BaseAddress, ns + "/bench").ToString();
var h2 = Process.Start(new ProcessStartInfo("h2load", ["-n", "60000", "-c", "8", "-m", "16", "-t", "1", "-H", $"Authorization: Bearer {server.Token}", url])
{
    RedirectStandardOutput = true,
    RedirectStandardError = true,
}) ?? throw new InvalidOperationException("h2load could not be started");
var h2Out = await h2.StandardOutput.ReadToEndAsync();
await h2.WaitForExitAsync();
var rps = Regex.Match(h2Out, @"finished in [^,]+, ([0-9.]+) req/s");
var succeeded = Regex.Match(h2Out, @"requests: .* (\d+) succeeded, (\d+) failed");
var getsPerSecond = rps.Success ? double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
report.AppendLine(CultureInfo.InvariantCulture, $"get_requests_per_second {getsPerSecond:F0} (target >= 5000; h2load -n 60000 -c 8 -m 16; {(succeeded.Success ? succeeded.Groups[1].Value + " succeeded, " + succeeded.Groups[2].Value + " failed" : "no summary")})");

// 2. One write reaching 100 watchers: over 100 HTTP/1.1 connections, and multiplexed on one HTTP/2 connection
// (what client-go does: all watches of a client share one connection).
const int Watchers = 100;
const int Writes = 60;
const int WarmUp = 10;
await FanOutAsync(http, "http1");
using var http2 = CreateClient(server, ca);
http2.DefaultRequestVersion = System.Net.HttpVersion.Version20;
http2.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
await FanOutAsync(http2, "http2");

async Task FanOutAsync(HttpClient client, string label)
{
    var (_, list) = await SendAsync(client, HttpMethod.Get, ns, null, null);
    var rv = list["metadata"]!["resourceVersion"]!.ToString();
    var sent = new long[Writes];
    var latencies = new List<double>();
    var perWrite = new double[Writes];
    var ready = 0;
    using var stop = new CancellationTokenSource();
    var watchTasks = Enumerable.Range(0, Watchers).Select(_ => Task.Run(async () =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{ns}?watch=true&resourceVersion={rv}&fieldSelector=metadata.name%3Dbench");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
        Interlocked.Increment(ref ready);
        var seen = 0;
        while (seen < Writes && await reader.ReadLineAsync(stop.Token) is { } line)
        {
            var now = Stopwatch.GetTimestamp();
            var at = line.IndexOf("\"n\":\"", StringComparison.Ordinal) + 5;
            var n = int.Parse(line.AsSpan(at, line.IndexOf('"', at) - at), CultureInfo.InvariantCulture);
            if (n >= WarmUp)
            {
                lock (latencies)
                {
                    var ms = Stopwatch.GetElapsedTime(Volatile.Read(ref sent[n]), now).TotalMilliseconds;
                    latencies.Add(ms);
                    perWrite[n] = Math.Max(perWrite[n], ms);
                }
            }

            seen++;
        }
    })).ToList();
    while (Volatile.Read(ref ready) < Watchers)
    {
        await Task.Delay(50);
    }

    await Task.Delay(500);
    for (var n = 0; n < Writes; n++)
    {
        Volatile.Write(ref sent[n], Stopwatch.GetTimestamp());
        await SendAsync(client, HttpMethod.Patch, ns + "/bench", $$$"""{"data":{"n":"{{{n}}}"}}""", "application/merge-patch+json");
        await Task.Delay(20);
    }

    await Task.WhenAll(watchTasks).WaitAsync(TimeSpan.FromSeconds(60));
    latencies.Sort();
    if (Environment.GetEnvironmentVariable("BENCH_DEBUG") == "1")
    {
        Console.WriteLine(label + ": " + string.Join(" ", perWrite.Select(x => x.ToString("F0", CultureInfo.InvariantCulture))));
    }

    double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
    report.AppendLine(CultureInfo.InvariantCulture, $"watch_fanout_events_{label} {latencies.Count} ({Watchers} watchers x {Writes - WarmUp} measured writes after {WarmUp} warm-up writes)");
    report.AppendLine(CultureInfo.InvariantCulture, $"watch_fanout_latency_ms_{label} p50 {Percentile(0.50):F2} p99 {Percentile(0.99):F2} max {latencies[^1]:F2} (target p99 < 50; write start to event received)");
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, report.ToString());
Console.Write(report);
return 0;

static HttpClient CreateClient(KubeEmulatorServer server, X509Certificate2 ca)
{
    var handler = new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 200,
        SslOptions =
        {
            RemoteCertificateValidationCallback = (_, cert, _, _) =>
            {
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return cert is X509Certificate2 c && chain.Build(c);
            },
        },
    };
    var client = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.Token);
    return client;
}

static async Task<(int Code, JsonObject Body)> SendAsync(HttpClient http, HttpMethod method, string path, string? body, string? contentType)
{
    using var request = new HttpRequestMessage(method, path);
    if (body is not null)
    {
        request.Content = new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType!);
    }

    using var response = await http.SendAsync(request);
    var text = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
    }

    return ((int)response.StatusCode, (JsonObject)JsonNode.Parse(text)!);
}
