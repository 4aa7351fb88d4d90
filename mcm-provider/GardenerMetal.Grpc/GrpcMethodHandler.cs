using System.Buffers;
using Google.Protobuf;

namespace GardenerMetal.Grpc;

/// <summary>Binds a typed unary handler to its method.</summary>
internal sealed class GrpcMethodHandler<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, GrpcUnaryHandler<TRequest, TResponse> handler) : IGrpcMethodHandler
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    public string Path => method.Path;

    public IMessage Parse(ReadOnlySequence<byte> request)
    {
        try
        {
            return method.RequestParser.ParseFrom(request);
        }
        catch (InvalidProtocolBufferException)
        {
            throw new RpcException(GrpcStatusCode.Internal, $"Failed to deserialize the request message of {method.Path}.");
        }
    }

    public async Task<IMessage> InvokeAsync(IMessage request, GrpcServerCallContext context)
    {
        var response = await handler((TRequest)request, context);
        return response ?? throw new RpcException(GrpcStatusCode.Internal, $"The handler of {method.Path} returned no response.");
    }
}
