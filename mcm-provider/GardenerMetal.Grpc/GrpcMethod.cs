using Google.Protobuf;

namespace GardenerMetal.Grpc;

/// <summary>A unary method: its service, name and message parsers. Path is <c>/{service}/{method}</c>.</summary>
/// <typeparam name="TRequest">The request message.</typeparam>
/// <typeparam name="TResponse">The response message.</typeparam>
public sealed class GrpcMethod<TRequest, TResponse>
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    /// <summary>Describes a unary method.</summary>
    /// <param name="serviceName">The fully qualified service name, e.g. <c>mcm.driver.v1.Driver</c>.</param>
    /// <param name="name">The method name, e.g. <c>CreateMachine</c>.</param>
    /// <param name="requestParser">Parses requests.</param>
    /// <param name="responseParser">Parses responses.</param>
    public GrpcMethod(string serviceName, string name, MessageParser<TRequest> requestParser, MessageParser<TResponse> responseParser)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(requestParser);
        ArgumentNullException.ThrowIfNull(responseParser);
        ServiceName = serviceName;
        Name = name;
        RequestParser = requestParser;
        ResponseParser = responseParser;
        Path = $"/{serviceName}/{name}";
    }

    /// <summary>The fully qualified service name.</summary>
    public string ServiceName { get; }

    /// <summary>The method name.</summary>
    public string Name { get; }

    /// <summary>The HTTP/2 path, <c>/{service}/{method}</c>.</summary>
    public string Path { get; }

    /// <summary>Parses requests.</summary>
    public MessageParser<TRequest> RequestParser { get; }

    /// <summary>Parses responses.</summary>
    public MessageParser<TResponse> ResponseParser { get; }
}
