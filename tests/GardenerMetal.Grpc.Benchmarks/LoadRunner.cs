using System.Diagnostics;
using Grpc.Core;

namespace GardenerMetal.Grpc.Benchmarks;

/// <summary>Runs a call in a closed loop from N workers for a fixed time and counts completions.</summary>
internal static class LoadRunner
{
    public static async Task<(double PerSecond, long Errors)> RunAsync(Func<Task> call, int concurrency, TimeSpan warmup, TimeSpan duration)
    {
        if (warmup > TimeSpan.Zero)
        {
            using var warm = new CancellationTokenSource(warmup);
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => LoopAsync(call, warm.Token)));
        }

        if (duration <= TimeSpan.Zero)
        {
            return (0, 0);
        }

        using var cts = new CancellationTokenSource(duration);
        var watch = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => LoopAsync(call, cts.Token)));
        watch.Stop();
        return (results.Sum(r => r.Ok) / watch.Elapsed.TotalSeconds, results.Sum(r => r.Errors));
    }

    private static async Task<(long Ok, long Errors)> LoopAsync(Func<Task> call, CancellationToken stop)
    {
        long ok = 0, errors = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await call();
                ok++;
            }
            catch (Exception ex) when (ex is RpcException or HttpRequestException or GardenerMetal.MetalApi.MetalApiException)
            {
                errors++;
            }
        }

        return (ok, errors);
    }
}
