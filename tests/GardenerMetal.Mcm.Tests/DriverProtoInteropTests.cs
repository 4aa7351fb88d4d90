using System.Diagnostics;
using System.Text.Json;
using GardenerMetal.Mcm.Transport;

namespace GardenerMetal.Mcm.Tests;

/// <summary>The public driver.proto through a second real gRPC implementation (python3-grpcio).</summary>
public sealed class DriverProtoInteropTests
{
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task PythonClient_CallsDriverService_FieldsAndStatusesCarried()
    {
        // Arrange
        var stubs = Directory.CreateTempSubdirectory("gm-driver-stubs-").FullName;
        var protoRoot = Path.Combine(RepoPaths.Root, "mcm-provider", "proto");
        var (code, _, stderr) = await RunAsync(["-m", "grpc_tools.protoc", "-I", protoRoot, "--python_out", stubs, "--grpc_python_out", stubs, "mcm/driver/v1/driver.proto"]);
        Assert.True(code == 0, $"grpc_tools.protoc failed ({code}); install python3-grpc-tools: {stderr}");
        var driver = new RecordingDriver();
        var socket = Path.Combine(stubs, "driver.sock");
        await using var server = await DriverGrpcServer.StartAsync(GrpcEndpointAddress.ForUnixSocket(socket), driver).WaitAsync(Bound);

        // Act
        var (exit, stdout, err) = await RunAsync([Path.Combine(AppContext.BaseDirectory, "testdata", "python", "driver_client.py"), stubs, "unix:" + socket]);

        // Assert
        Assert.True(exit == 0, $"python driver client failed ({exit}): {err}");
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("metal:///p1/worker-0", root.GetProperty("create").GetProperty("provider_id").GetString());
        Assert.Equal("allocated", root.GetProperty("create").GetProperty("last_known_state").GetString());
        Assert.Equal("worker-0", driver.LastCreate!.MachineName);
        Assert.Equal("{\"a\":1}", driver.LastCreate.ProviderSpec.ToStringUtf8());
        Assert.Equal("#cloud-config", driver.LastCreate.Secret["userData"].ToStringUtf8());
        var status = root.GetProperty("status");
        Assert.False(status.GetProperty("ok").GetBoolean());
        // grpcio has no enum member for MCM's 17: it reports UNKNOWN (2) with "unknown code" and keeps our detail.
        // (Our client reads 17 as McmStatusCodes.Uninitialized; see GardenerMetal.Grpc.Tests with a python server sending 17.)
        Assert.Equal(2, status.GetProperty("code").GetInt32());
        Assert.Contains("metal:///p1/worker-0 needs initialization", status.GetProperty("details").GetString(), StringComparison.Ordinal);
        Assert.Equal("worker-b", root.GetProperty("list").GetProperty("metal:///p1/b").GetString());
        Assert.Equal(12, root.GetProperty("initialize").GetProperty("code").GetInt32());
        Directory.Delete(stubs, recursive: true);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args)
    {
        Assert.True(File.Exists(Python), $"{Python} is missing; install python3-grpcio and python3-grpc-tools");
        var info = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Bound);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout.WaitAsync(Bound), await stderr.WaitAsync(Bound));
    }
}
