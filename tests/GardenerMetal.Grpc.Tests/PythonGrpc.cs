using System.Diagnostics;

namespace GardenerMetal.Grpc.Tests;

/// <summary>Runs the real python-grpcio peer (/usr/bin/python3) with stubs generated at test time.</summary>
internal static class PythonGrpc
{
    public const string Python = "/usr/bin/python3";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _stubs;

    /// <summary>Generates echo_pb2 / echo_pb2_grpc into a temp dir once per run.</summary>
    public static async Task<string> StubsAsync()
    {
        await Gate.WaitAsync(TimeSpan.FromSeconds(60));
        try
        {
            if (_stubs is not null)
            {
                return _stubs;
            }

            var dir = Directory.CreateTempSubdirectory("gm-grpc-stubs-").FullName;
            var (code, _, stderr) = await RunAsync(["-m", "grpc_tools.protoc", "-I", TestPaths.Protos, "--python_out", dir, "--grpc_python_out", dir, "echo.proto"], TimeSpan.FromSeconds(60));
            Assert.True(code == 0, $"{Python} -m grpc_tools.protoc failed ({code}); install python3-grpc-tools: {stderr}");
            _stubs = dir;
            return dir;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        Assert.True(File.Exists(Python), $"{Python} is missing; install python3 with python3-grpcio and python3-grpc-tools");
        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args, TimeSpan timeout)
    {
        using var process = Process.Start(StartInfo(args))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout.WaitAsync(timeout), await stderr.WaitAsync(timeout));
    }
}
