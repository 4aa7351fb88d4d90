using Grpc.Core;

namespace GardenerMetal.Mcm.Tests;

/// <summary>Bounds a generated client's call like any other awaited task in a test.</summary>
internal static class AsyncUnaryCallExtensions
{
    public static Task<TResponse> WaitAsync<TResponse>(this AsyncUnaryCall<TResponse> call, TimeSpan timeout) =>
        call.ResponseAsync.WaitAsync(timeout);
}
