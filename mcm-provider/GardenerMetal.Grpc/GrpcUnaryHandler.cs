namespace GardenerMetal.Grpc;

/// <summary>Handles one unary call: returns the response or throws <see cref="RpcException"/>.</summary>
/// <typeparam name="TRequest">The request message.</typeparam>
/// <typeparam name="TResponse">The response message.</typeparam>
public delegate Task<TResponse> GrpcUnaryHandler<in TRequest, TResponse>(TRequest request, GrpcServerCallContext context);
