using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace GardenerMetal.Grpc.Benchmarks;

/// <summary>The baseline: a Kestrel HTTP/2 (h2c) endpoint on a unix socket that answers 200 with a tiny body.</summary>
internal static class NoOpHttp2Server
{
    private static readonly byte[] Body = [0, 0, 0, 0, 0];

    public static async Task<WebApplication> StartAsync(string socketPath)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(k => k.ListenUnixSocket(socketPath, l => l.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        app.Run(async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.StatusCode = 200;
            await context.Response.Body.WriteAsync(Body);
        });
        await app.StartAsync();
        return app;
    }
}
