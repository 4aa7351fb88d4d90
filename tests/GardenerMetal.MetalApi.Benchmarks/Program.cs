using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using GardenerMetal.MetalApi;
using GardenerMetal.MetalApi.V1;
using GardenerMetal.MetalSim;

// Console load program (no timed assertions anywhere): prints and writes the figures.
var output = Path.Combine(".local", "bench", "metal.txt");
var seconds = 5.0;
var concurrency = 16;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out": output = args[++i]; break;
        case "--seconds": seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--concurrency": concurrency = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}; usage: [--out FILE] [--seconds 5] [--concurrency 16]"); return 2;
    }
}

var report = new StringBuilder();
void Line(string s)
{
    Console.WriteLine(s);
    report.AppendLine(s);
}

Line($"metal-api client/simulator benchmark, {DateTimeOffset.UtcNow:u}, {Environment.ProcessorCount} cores (shared with concurrent builds)");

// 1) Simulator throughput: allocate + free pairs over HTTP with HMAC, in-process client and server.
const int Machines = 512;
var inventory = $$"""
partitions: [{ id: bench }]
sizes: [{ id: s1, cpuCores: 4, memoryGiB: 8, storageGiB: 100 }]
images: [{ id: img, features: [machine] }]
projects: [{ id: p }]
machines: [{ partition: bench, size: s1, count: {{Machines}}, racks: [r1, r2, r3, r4] }]
""";
await using (var sim = await MetalApiSimulator.StartAsync(new MetalSimOptions { InventoryYaml = inventory, ProvisioningStepDuration = TimeSpan.Zero }))
{
    using var client = sim.CreateClient();
    var request = new MachineAllocateRequest { PartitionId = "bench", ProjectId = "p", SizeId = "s1", ImageId = "img", SshPubKeys = [] };
    long pairs = 0;
    var measuring = false;
    using var stop = new CancellationTokenSource();
    var workers = Enumerable.Range(0, concurrency).Select(async _ =>
    {
        while (!stop.IsCancellationRequested)
        {
            var m = await client.AllocateMachineAsync(request);
            await client.FreeMachineAsync(m.Id);
            if (Volatile.Read(ref measuring))
            {
                Interlocked.Increment(ref pairs);
            }
        }
    }).ToArray();
    await Task.Delay(TimeSpan.FromSeconds(1));
    Volatile.Write(ref measuring, true);
    var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    await Task.Delay(TimeSpan.FromSeconds(seconds));
    var counted = Interlocked.Read(ref pairs);
    var elapsed = sw.Elapsed.TotalSeconds;
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
    await stop.CancelAsync();
    await Task.WhenAll(workers);
    var rate = counted / elapsed;
    Line(string.Create(CultureInfo.InvariantCulture, $"simulator allocate+free: {rate:F0} pairs/s ({counted} pairs in {elapsed:F1} s, concurrency {concurrency}, HMAC Metal-Admin) target >= 2000: {(rate >= 2000 ? "MET" : "NOT MET")}"));
    Line(string.Create(CultureInfo.InvariantCulture, $"  cpu: {cpu:F1} s of process CPU (client + server in one process) = {counted / Math.Max(cpu, 0.001):F0} pairs per CPU-second; {Environment.ProcessorCount} cores => {counted / Math.Max(cpu, 0.001) * Environment.ProcessorCount:F0} pairs/s on an otherwise idle machine; load average at measurement: {LoadAverage()}"));
}

// 2) Client overhead: GET /v1/machine/{id} through MetalApiClient vs a raw HttpClient call (same auth kind), sequential.
await using (var sim = await MetalApiSimulator.StartAsync(new MetalSimOptions()))
{
    var id = sim.Machines()[0].Id;
    using var raw = new HttpClient { BaseAddress = sim.BaseAddress };
    raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sim.BearerToken);
    using var bearerClient = MetalApiClient.FromSecretData(sim.SecretData(bearer: true));
    using var hmacClient = sim.CreateClient();
    var path = $"v1/machine/{id}";
    const int Warmup = 500, Iterations = 4000;
    var rawT = new double[Iterations];
    var bearerT = new double[Iterations];
    var hmacT = new double[Iterations];
    for (var i = -Warmup; i < Iterations; i++)
    {
        var t0 = Stopwatch.GetTimestamp();
        using (var resp = await raw.GetAsync(path))
        {
            resp.EnsureSuccessStatusCode();
            _ = await resp.Content.ReadAsByteArrayAsync();
        }

        var t1 = Stopwatch.GetTimestamp();
        _ = await bearerClient.GetMachineAsync(id);
        var t2 = Stopwatch.GetTimestamp();
        _ = await hmacClient.GetMachineAsync(id);
        var t3 = Stopwatch.GetTimestamp();
        if (i >= 0)
        {
            rawT[i] = Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
            bearerT[i] = Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds;
            hmacT[i] = Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds;
        }
    }

    static double P50(double[] a)
    {
        var s = (double[])a.Clone();
        Array.Sort(s);
        return s[s.Length / 2];
    }

    var (r, b, h) = (P50(rawT), P50(bearerT), P50(hmacT));
    Line(string.Create(CultureInfo.InvariantCulture, $"GET /v1/machine/{{id}} p50: raw HttpClient {r:F3} ms, MetalApiClient bearer {b:F3} ms, MetalApiClient HMAC {h:F3} ms ({Iterations} sequential calls each)"));
    Line(string.Create(CultureInfo.InvariantCulture, $"client overhead p50: bearer {b - r:F3} ms, HMAC {h - r:F3} ms (includes typed deserialization) target < 1 ms: {(Math.Max(b, h) - r < 1 ? "MET" : "NOT MET")}"));
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

var dir = Path.GetDirectoryName(output);
if (!string.IsNullOrEmpty(dir))
{
    Directory.CreateDirectory(dir);
}

await File.WriteAllTextAsync(output, report.ToString());
return 0;
