using System.Globalization;
using System.Net;
using System.Net.Sockets;
using GardenerMetal.Grpc.Benchmarks;
using GardenerMetal.Mcm.Driver.V1;
using GardenerMetal.Mcm.Transport;
using static GardenerMetal.Mcm.Driver.V1.Driver;

// usage: GardenerMetal.Grpc.Benchmarks [--seconds N] [--rounds N] [--concurrency N] [--output FILE]
// Every case runs for seconds/rounds per round, and the rounds interleave the cases so that
// load from other processes on the shared machine hits them alike.
var seconds = 6;
var rounds = 3;
var concurrency = 64;
string? output = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seconds": seconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--concurrency": concurrency = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--output": output = args[++i]; break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}

var slice = TimeSpan.FromSeconds((double)seconds / rounds);
var warmup = TimeSpan.FromSeconds(0.5);
var dir = Directory.CreateTempSubdirectory("gm-bench-").FullName;

// 1. Baseline: a no-op HTTP/2 endpoint, raw HttpClient POSTs over a unix socket.
var noOpSocket = Path.Combine(dir, "noop.sock");
await using var noOp = await NoOpHttp2Server.StartAsync(noOpSocket);
using var http = new HttpMessageInvoker(new SocketsHttpHandler
{
    EnableMultipleHttp2Connections = true,
    ConnectCallback = async (_, ct) =>
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(noOpSocket), ct);
        return new NetworkStream(socket, ownsSocket: true);
    },
});
var payload = new byte[] { 0, 0, 0, 0, 4, 0x0a, 0x02, 0x6d, 0x31 };
async Task NoOpCall()
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "http://localhost/noop")
    {
        Version = HttpVersion.Version20,
        VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Content = new ByteArrayContent(payload),
    };
    using var response = await http.SendAsync(request, CancellationToken.None);
    await response.Content.ReadAsByteArrayAsync();
}

// 2. The transport (Grpc.AspNetCore + Grpc.Net.Client): GetMachineStatus on a trivial driver over a unix socket.
await using var trivialServer = await DriverGrpcServer.StartAsync(GrpcEndpointAddress.ForUnixSocket(Path.Combine(dir, "driver.sock")), new TrivialDriver());
using var trivialChannel = DriverChannel.Create(trivialServer.Address);
var trivialClient = new DriverClient(trivialChannel);
var trivialRequest = new GetMachineStatusRequest { MachineName = "m1", ProviderId = "metal:///p1/00000000-0000-0000-0000-000000000001" };
Task TrivialCall() => trivialClient.GetMachineStatusAsync(trivialRequest, deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync;

// 3. GetMachineStatus through the metal driver with the simulator in-process, and the simulator alone.
await using var metal = await MetalDriverScenario.StartAsync(Path.Combine(dir, "metal.sock"));

var cases = new (string Name, Func<Task> Call)[]
{
    ("noop_http2_unix", NoOpCall),
    ("grpc_unary_trivial_driver_unix", TrivialCall),
    ("get_machine_status_metal_driver_with_simulator_unix", metal.GetMachineStatusAsync),
    ("metal_api_client_get_machine_direct", metal.GetMachineDirectAsync),
};
var totals = cases.ToDictionary(c => c.Name, _ => (Calls: 0.0, Errors: 0L));
foreach (var (name, call) in cases)
{
    await LoadRunner.RunAsync(call, concurrency, warmup, TimeSpan.Zero);
}

for (var round = 0; round < rounds; round++)
{
    foreach (var (name, call) in cases)
    {
        var (perSecond, errors) = await LoadRunner.RunAsync(call, concurrency, TimeSpan.Zero, slice);
        totals[name] = (totals[name].Calls + perSecond, totals[name].Errors + errors);
    }
}

double Rate(string name) => totals[name].Calls / rounds;
var noop = Rate("noop_http2_unix");
var trivial = Rate("grpc_unary_trivial_driver_unix");
var metalRate = Rate("get_machine_status_metal_driver_with_simulator_unix");
var lines = new List<string>
{
    $"# gRPC transport benchmark, {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}, {Environment.ProcessorCount} cores, concurrency {concurrency}, {rounds} interleaved rounds of {slice.TotalSeconds:F1}s per case",
    "# note: the machine is shared with other developers' builds; figures vary run to run",
    string.Create(CultureInfo.InvariantCulture, $"noop_http2_unix_calls_per_s {noop:F0} (errors {totals["noop_http2_unix"].Errors})"),
    string.Create(CultureInfo.InvariantCulture, $"grpc_unary_trivial_driver_unix_calls_per_s {trivial:F0} (errors {totals["grpc_unary_trivial_driver_unix"].Errors})"),
    string.Create(CultureInfo.InvariantCulture, $"transport_vs_noop_ratio {trivial / noop:F2} (target >= 0.50)"),
    string.Create(CultureInfo.InvariantCulture, $"get_machine_status_metal_driver_with_simulator_unix_calls_per_s {metalRate:F0} (errors {totals["get_machine_status_metal_driver_with_simulator_unix"].Errors}; target >= 3000)"),
    string.Create(CultureInfo.InvariantCulture, $"metal_api_client_get_machine_direct_calls_per_s {Rate("metal_api_client_get_machine_direct"):F0} (reference: simulator + metal-api client alone, no driver)"),
};

foreach (var line in lines)
{
    Console.WriteLine(line);
}

if (output is not null)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    await File.WriteAllLinesAsync(output, lines);
}

Directory.Delete(dir, recursive: true);
return 0;
