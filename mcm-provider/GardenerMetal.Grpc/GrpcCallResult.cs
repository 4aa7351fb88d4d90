namespace GardenerMetal.Grpc;

/// <summary>A successful unary call: the response and the metadata that came with it.</summary>
/// <typeparam name="TResponse">The response message.</typeparam>
/// <param name="Response">The response message.</param>
/// <param name="ResponseHeaders">Metadata from the response headers.</param>
/// <param name="Trailers">Metadata from the trailers.</param>
public sealed record GrpcCallResult<TResponse>(TResponse Response, GrpcMetadata ResponseHeaders, GrpcMetadata Trailers);
