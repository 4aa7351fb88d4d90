using System.Globalization;
using GardenerMetal.Grpc.Tests.Echo;
using Grpc.Core;

namespace GardenerMetal.Grpc.Tests;

/// <summary>The C# side of gmtest.v1.Echo, with the same behaviour as testdata/python/echo_server.py.</summary>
internal sealed class EchoService : Echo.Echo.EchoBase
{
    /// <summary>A method the service does not have (answers Unimplemented).</summary>
    public static Method<EchoRequest, EchoResponse> MissingMethod { get; } = new(
        MethodType.Unary,
        "gmtest.v1.Echo",
        "Missing",
        Marshallers.Create(r => Google.Protobuf.MessageExtensions.ToByteArray(r), EchoRequest.Parser.ParseFrom),
        Marshallers.Create(r => Google.Protobuf.MessageExtensions.ToByteArray(r), EchoResponse.Parser.ParseFrom));

    /// <summary>Set when a handler with a delay has started waiting.</summary>
    public TaskCompletionSource HandlerStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when a handler saw its cancellation token fire.</summary>
    public TaskCompletionSource HandlerCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override async Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context)
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
            throw new RpcException(new Status((StatusCode)request.FailCode, request.FailMessage), new Metadata { { "echo-trailer", "failed" } });
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
            response.Metadata[entry.Key] = entry.IsBinary ? Convert.ToHexStringLower(entry.ValueBytes) : entry.Value;
        }

        response.Metadata["deadline-set"] = (context.Deadline != DateTime.MaxValue).ToString(CultureInfo.InvariantCulture);
        await context.WriteResponseHeadersAsync(new Metadata { { "echo-header", "h" } });
        context.ResponseTrailers.Add("echo-trailer", "t");
        return response;
    }
}
