using Google.Protobuf;

namespace GardenerMetal.Grpc;

/// <summary>The unary methods of a service with their handlers; build one with <see cref="CreateBuilder"/>.</summary>
public sealed class GrpcServiceDefinition
{
    private GrpcServiceDefinition(IReadOnlyList<IGrpcMethodHandler> handlers) => Handlers = handlers;

    internal IReadOnlyList<IGrpcMethodHandler> Handlers { get; }

    /// <summary>The paths this definition serves.</summary>
    public IEnumerable<string> Paths => Handlers.Select(h => h.Path);

    /// <summary>Starts a definition.</summary>
    public static Builder CreateBuilder() => new();

    /// <summary>Collects method bindings.</summary>
    public sealed class Builder
    {
        private readonly List<IGrpcMethodHandler> _handlers = [];

        internal Builder()
        {
        }

        /// <summary>Binds a unary method to its handler.</summary>
        public Builder AddUnary<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, GrpcUnaryHandler<TRequest, TResponse> handler)
            where TRequest : IMessage<TRequest>
            where TResponse : IMessage<TResponse>
        {
            ArgumentNullException.ThrowIfNull(method);
            ArgumentNullException.ThrowIfNull(handler);
            if (_handlers.Any(h => h.Path == method.Path))
            {
                throw new ArgumentException($"method {method.Path} is already bound", nameof(method));
            }

            _handlers.Add(new GrpcMethodHandler<TRequest, TResponse>(method, handler));
            return this;
        }

        /// <summary>The finished definition.</summary>
        public GrpcServiceDefinition Build() => new([.. _handlers]);
    }
}
