using System.Buffers;
using Google.Protobuf;

namespace GardenerMetal.Grpc;

/// <summary>A bound method with its message types erased, as the dispatcher sees it.</summary>
internal interface IGrpcMethodHandler
{
    string Path { get; }

    /// <summary>Parses the request message; throws <see cref="RpcException"/> (Internal) when malformed.</summary>
    IMessage Parse(ReadOnlySequence<byte> request);

    /// <summary>Runs the handler and returns the response message.</summary>
    Task<IMessage> InvokeAsync(IMessage request, GrpcServerCallContext context);
}
