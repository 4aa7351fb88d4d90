using System.Diagnostics;
using System.Globalization;
using GardenerMetal.Mcm.Transport;

namespace GardenerMetal.Grpc.Tests;

/// <summary>testdata/python/echo_server.py running as a child process.</summary>
internal sealed class PythonEchoServer : IAsyncDisposable
{
    private readonly Process _process;

    private PythonEchoServer(Process process, GrpcEndpointAddress address)
    {
        _process = process;
        Address = address;
    }

    public GrpcEndpointAddress Address { get; }

    /// <summary>Starts the server on 127.0.0.1 (dynamic port) or on a unix socket path.</summary>
    public static async Task<PythonEchoServer> StartAsync(string? socketPath)
    {
        var stubs = await PythonGrpc.StubsAsync();
        var bind = socketPath is null ? "127.0.0.1:0" : "unix:" + socketPath;
        var process = Process.Start(PythonGrpc.StartInfo([Path.Combine(TestPaths.Python, "echo_server.py"), stubs, bind]))!;
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line is null || !line.StartsWith("READY ", StringComparison.Ordinal))
        {
            var err = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(5));
            process.Kill(entireProcessTree: true);
            Assert.Fail($"python echo server did not start: {line} {err}");
        }

        var port = int.Parse(line["READY ".Length..], CultureInfo.InvariantCulture);
        var address = socketPath is null
            ? GrpcEndpointAddress.Parse($"127.0.0.1:{port}")
            : GrpcEndpointAddress.ForUnixSocket(socketPath);
        return new PythonEchoServer(process, address);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
        }
    }
}
