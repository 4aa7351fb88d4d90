using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace GardenerMetal.Mcm.Transport;

/// <summary>Registers the driver's gRPC server (Grpc.AspNetCore) and its Kestrel listener.</summary>
public static class DriverGrpcExtensions
{
    /// <summary>
    /// Adds Grpc.AspNetCore with the driver's limits and <see cref="DriverStatusInterceptor"/>; no exception text reaches
    /// clients (<c>EnableDetailedErrors</c> off). Map services with <c>MapGrpcService</c>.
    /// </summary>
    public static IGrpcServerBuilder AddDriverGrpc(this IServiceCollection services, DriverServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        options ??= new DriverServerOptions();
        if (options.MaxReceiveMessageSize <= 0)
        {
            throw new ArgumentException("MaxReceiveMessageSize must be positive", nameof(options));
        }

        return services.AddGrpc(grpc =>
        {
            grpc.EnableDetailedErrors = false;
            grpc.MaxReceiveMessageSize = options.MaxReceiveMessageSize;
            grpc.MaxSendMessageSize = options.MaxSendMessageSize;
            grpc.Interceptors.Add<DriverStatusInterceptor>();
        });
    }

    /// <summary>
    /// Listens on <paramref name="address"/> with HTTP/2 cleartext (prior knowledge), as gRPC clients dial. A stale socket
    /// file is removed first. A TCP address that other hosts can reach is refused unless <paramref name="allowRemote"/>:
    /// the driver takes credentials in its requests and has no authentication of its own.
    /// </summary>
    public static void ListenGrpc(this KestrelServerOptions options, GrpcEndpointAddress address, bool allowRemote = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(address);
        if (!address.IsLocal && !allowRemote)
        {
            throw new ArgumentException(
                $"--driver-listen: {address} is reachable from other hosts; use a unix socket or a loopback address, or pass --driver-listen-allow-remote",
                nameof(address));
        }

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
