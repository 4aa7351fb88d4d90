using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;

namespace GardenerMetal.Mcm.Transport;

/// <summary>
/// Grpc.Net.Client channels to a driver over a unix socket (<see cref="SocketsHttpHandler.ConnectCallback"/>) or TCP,
/// HTTP/2 cleartext. A channel is thread-safe and pools its connection: create one per target and reuse it.
/// </summary>
public static class DriverChannel
{
    /// <summary>A channel to <paramref name="address"/>; the caller disposes it.</summary>
    public static GrpcChannel Create(GrpcEndpointAddress address, DriverChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        options ??= new DriverChannelOptions();
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        Uri target;
        if (address.SocketPath is { } path)
        {
            handler.ConnectCallback = (_, cancellationToken) => ConnectUnixAsync(path, cancellationToken);
            target = new Uri("http://localhost");
        }
        else
        {
            target = new Uri("http://" + address.EndPoint);
        }

        return GrpcChannel.ForAddress(target, new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            MaxReceiveMessageSize = options.MaxReceiveMessageSize,
            MaxSendMessageSize = options.MaxSendMessageSize,
        });
    }

    /// <summary>A channel to an address string (<c>unix:///path</c> or <c>host:port</c>).</summary>
    public static GrpcChannel Create(string address, DriverChannelOptions? options = null) =>
        Create(GrpcEndpointAddress.Parse(address, nameof(address)), options);

    private static async ValueTask<Stream> ConnectUnixAsync(string path, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
