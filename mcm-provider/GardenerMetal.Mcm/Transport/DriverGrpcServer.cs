using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.Mcm.Transport;

/// <summary>
/// One gRPC service instance served alone by Grpc.AspNetCore with the driver's settings (<see cref="DriverGrpcExtensions"/>),
/// on a unix socket or TCP (port 0 picks a free port). For tests, benchmarks and local set-ups; the deployable is
/// <see cref="Hosting.DriverHost"/>.
/// </summary>
public sealed class DriverGrpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DriverGrpcServer(WebApplication app, GrpcEndpointAddress address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The address clients dial (TCP port 0 resolved).</summary>
    public GrpcEndpointAddress Address { get; }

    /// <summary>Starts serving <paramref name="service"/> (a Grpc.Tools-generated service base implementation).</summary>
    public static async Task<DriverGrpcServer> StartAsync<TService>(
        GrpcEndpointAddress address,
        TService service,
        DriverServerOptions? options = null,
        Action<ILoggingBuilder>? configureLogging = null)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(service);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "driver-grpc-server" });
        builder.Logging.ClearProviders();
        configureLogging?.Invoke(builder.Logging);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.ListenGrpc(address, allowRemote: true);
        });
        builder.Services.AddDriverGrpc(options);
        builder.Services.AddSingleton(service);
        var app = builder.Build();
        app.MapGrpcService<TService>();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var bound = address;
        if (address.EndPoint is { Port: 0 } endPoint)
        {
            var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            bound = GrpcEndpointAddress.ForEndPoint(new IPEndPoint(endPoint.Address, new Uri(url).Port));
        }

        return new DriverGrpcServer(app, bound);
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
