using System.Globalization;
using GardenerMetal.Grpc.Tests.Echo;

namespace GardenerMetal.Grpc.Tests;

/// <summary>The C# side of gmtest.v1.Echo, with the same behaviour as testdata/python/echo_server.py.</summary>
internal sealed class EchoService
{
    public static GrpcMethod<EchoRequest, EchoResponse> EchoMethod { get; } =
        new("gmtest.v1.Echo", "Echo", EchoRequest.Parser, EchoResponse.Parser);

    public static GrpcMethod<EchoRequest, EchoResponse> MissingMethod { get; } =
        new("gmtest.v1.Echo", "Missing", EchoRequest.Parser, EchoResponse.Parser);

    /// <summary>Set when a handler with a delay has started waiting.</summary>
    public TaskCompletionSource HandlerStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when a handler saw its cancellation token fire.</summary>
    public TaskCompletionSource HandlerCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GrpcServiceDefinition Bind() => GrpcServiceDefinition.CreateBuilder().AddUnary(EchoMethod, EchoAsync).Build();

    private async Task<EchoResponse> EchoAsync(EchoRequest request, GrpcServerCallContext context)
    {
        if (request.DelayMs > 0)
        {
            HandlerStarted.TrySetResult();
            try
            {
                await Task.Delay(request.DelayMs, context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                HandlerCancelled.TrySetResult();
                throw;
            }
        }

        if (request.FailCode != 0)
        {
            var trailers = new GrpcMetadata { { "echo-trailer", "failed" } };
            throw new RpcException(new GrpcStatus((GrpcStatusCode)request.FailCode, request.FailMessage), trailers);
        }

        if (request.Text == "throw")
        {
            throw new InvalidOperationException("secret-internal-detail");
        }

        var response = new EchoResponse
        {
            Text = request.Text,
            PayloadSize = request.Payload.Length,
            Payload = Google.Protobuf.ByteString.CopyFrom(new byte[request.ReplyPayloadSize]),
        };
        foreach (var entry in context.RequestHeaders.Where(e => e.Key.StartsWith("x-", StringComparison.Ordinal)))
        {
            response.Metadata[entry.Key] = entry.IsBinary ? Convert.ToHexStringLower(entry.ValueBytes.Span) : entry.Value;
        }

        response.Metadata["deadline-set"] = (context.Deadline is not null).ToString(CultureInfo.InvariantCulture);
        context.ResponseHeaders.Add("echo-header", "h");
        context.ResponseTrailers.Add("echo-trailer", "t");
        return response;
    }
}
