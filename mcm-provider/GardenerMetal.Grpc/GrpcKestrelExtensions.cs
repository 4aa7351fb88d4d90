using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace GardenerMetal.Grpc;

/// <summary>Kestrel listeners for gRPC: HTTP/2 only (prior-knowledge h2c), TCP or unix socket.</summary>
public static class GrpcKestrelExtensions
{
    /// <summary>Listens on <paramref name="address"/> with HTTP/2 cleartext. A stale socket file is removed first.</summary>
    public static void ListenGrpc(this KestrelServerOptions options, GrpcEndpointAddress address)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(address);
        if (address.SocketPath is { } path)
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }

            options.ListenUnixSocket(path, listen => listen.Protocols = HttpProtocols.Http2);
        }
        else
        {
            options.Listen(address.EndPoint!, listen => listen.Protocols = HttpProtocols.Http2);
        }
    }
}
