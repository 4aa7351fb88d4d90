using System.Globalization;
using System.Net;
using System.Net.Sockets;
using GardenerMetal.Grpc;
using GardenerMetal.Grpc.Benchmarks;
using GardenerMetal.Mcm.Driver;
using GardenerMetal.Mcm.Driver.V1;

// usage: GardenerMetal.Grpc.Benchmarks [--seconds N] [--concurrency N] [--output FILE]
var seconds = 5;
var concurrency = 64;
string? output = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seconds": seconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--concurrency": concurrency = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--output": output = args[++i]; break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}

var duration = TimeSpan.FromSeconds(seconds);
var warmup = TimeSpan.FromSeconds(1);
var dir = Directory.CreateTempSubdirectory("gm-bench-").FullName;
var lines = new List<string>
{
    $"# gRPC transport benchmark, {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}, {Environment.ProcessorCount} cores, concurrency {concurrency}, {seconds}s per case",
    "# note: the machine is shared with other developers' builds; figures vary run to run",
};

// 1. Baseline: no-op HTTP/2 endpoint, raw HttpClient POSTs over a unix socket.
var noOpSocket = Path.Combine(dir, "noop.sock");
await using (var noOp = await NoOpHttp2Server.StartAsync(noOpSocket))
{
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
    var (baseline, baselineErrors) = await LoadRunner.RunAsync(
        async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "http://localhost/noop")
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                Content = new ByteArrayContent(payload),
            };
            using var response = await http.SendAsync(request, CancellationToken.None);
            await response.Content.ReadAsByteArrayAsync();
        },
        concurrency,
        warmup,
        duration);
    lines.Add(string.Create(CultureInfo.InvariantCulture, $"noop_http2_unix_calls_per_s {baseline:F0} (errors {baselineErrors})"));

    // 2. The transport: GetMachineStatus on a trivial driver over a unix socket.
    var address = GrpcEndpointAddress.ForUnixSocket(Path.Combine(dir, "driver.sock"));
    await using var server = await GrpcServer.StartAsync(address, [new TrivialDriver().BindService()]);
    using var channel = GrpcChannel.ForAddress(server.Address);
    var client = new DriverClient(channel);
    var request = new GetMachineStatusRequest { MachineName = "m1", ProviderId = "metal:///p1/00000000-0000-0000-0000-000000000001" };
    var (transport, transportErrors) = await LoadRunner.RunAsync(
        () => client.GetMachineStatusAsync(request, GrpcCallOptions.WithTimeout(TimeSpan.FromSeconds(10))),
        concurrency,
        warmup,
        duration);
    lines.Add(string.Create(CultureInfo.InvariantCulture, $"grpc_unary_trivial_driver_unix_calls_per_s {transport:F0} (errors {transportErrors})"));
    lines.Add(string.Create(CultureInfo.InvariantCulture, $"transport_vs_noop_ratio {transport / baseline:F2} (target >= 0.50)"));
    lines.Add(string.Create(CultureInfo.InvariantCulture, $"get_machine_status_trivial_driver_calls_per_s {transport:F0} (target >= 3000)"));
}

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
