using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GardenerMetal.Grpc;

/// <summary>
/// A stand-alone gRPC server (Kestrel, HTTP/2 only) serving the given services on one address.
/// For tests, benchmarks and the driver-only host; a host with more endpoints uses
/// <see cref="GrpcRequestDispatcher"/> and <see cref="GrpcKestrelExtensions.ListenGrpc"/> itself.
/// </summary>
public sealed class GrpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GrpcServer(WebApplication app, GrpcEndpointAddress address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The bound address (a TCP port 0 is resolved to the real port).</summary>
    public GrpcEndpointAddress Address { get; }

    /// <summary>Starts a server; returns once it accepts connections.</summary>
    public static async Task<GrpcServer> StartAsync(
        GrpcEndpointAddress address,
        IEnumerable<GrpcServiceDefinition> services,
        GrpcServerOptions? options = null,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(services);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.ListenGrpc(address);
        });
        builder.Services.AddSingleton(loggerFactory ?? NullLoggerFactory.Instance);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        var app = builder.Build();
        var dispatcher = new GrpcRequestDispatcher(
            services,
            options ?? new GrpcServerOptions(),
            (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<GrpcRequestDispatcher>());
        app.Run(dispatcher.HandleAsync);
        await app.StartAsync(cancellationToken);

        var bound = address;
        if (address.EndPoint is { Port: 0 })
        {
            var feature = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
            var url = new Uri(feature.Addresses.First());
            bound = GrpcEndpointAddress.ForEndPoint(new System.Net.IPEndPoint(address.EndPoint.Address, url.Port));
        }

        return new GrpcServer(app, bound);
    }

    /// <summary>Stops accepting calls and waits briefly for running ones.</summary>
    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(cts.Token);
        }
        finally
        {
            await _app.DisposeAsync();
            if (Address.SocketPath is { } path && File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }
}
