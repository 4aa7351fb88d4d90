using System.Net;
using GardenerMetal.Admission.Handlers;
using GardenerMetal.Admission.Sources;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using GardenerMetal.Telemetry;

namespace GardenerMetal.Admission.Hosting;

/// <summary>Composes the webhook server (used by Program, the tests and the benchmark).</summary>
internal static class AdmissionHost
{
    /// <param name="options">Server settings.</param>
    /// <param name="cloudProfiles">CloudProfile lookup (wrapped in a short cache).</param>
    /// <param name="secrets">Secret lookup for bindings.</param>
    /// <param name="configure">Extra endpoints (the benchmark's no-op endpoint).</param>
    /// <param name="args">Command-line arguments for the host builder.</param>
    public static WebApplication Build(AdmissionOptions options, ICloudProfileSource cloudProfiles, ISecretSource secrets, Action<WebApplication>? configure = null, string[]? args = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var reloader = new CertificateReloader(options.CertFile, options.KeyFile, options.CertificateCheckInterval, TimeProvider.System,
                kestrel.ApplicationServices.GetRequiredService<ILogger<CertificateReloader>>());
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Listen(IPAddress.Parse(options.BindAddress), options.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(https => https.ServerCertificateSelector = (_, _) => reloader.Current);
            });
            if (options.MetricsBindAddress is { } metrics)
            {
                var (address, port) = ParseBindAddress(metrics);
                kestrel.Listen(address, port, listen => listen.Protocols = HttpProtocols.Http1);
            }
        });
        if (options.MetricsBindAddress is not null)
        {
            builder.AddGardenerTelemetry(new TelemetryOptions
            {
                ServiceName = "gardener-extension-admission-metal",
                AdditionalMeters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"],
            });
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new AdmissionHandler(new CachingCloudProfileSource(cloudProfiles, options.CloudProfileCacheTtl, TimeProvider.System), secrets, options.Defaults));
        builder.Services.AddSingleton<WebhookEndpoints>();
        var app = builder.Build();
        if (options.MetricsBindAddress is not null)
        {
            // The plain-HTTP listener serves /metrics and nothing else; webhooks answer on HTTPS only.
            app.UseOpenTelemetryPrometheusScrapingEndpoint(context => !context.Request.IsHttps && context.Request.Path == "/metrics");
            app.Use((context, next) =>
            {
                if (context.Request.IsHttps)
                {
                    return next(context);
                }

                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        }

        app.Services.GetRequiredService<WebhookEndpoints>().Map(app);
        configure?.Invoke(app);
        return app;
    }

    /// <summary>The https://host:port the started server listens on.</summary>
    public static Uri BaseAddress(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First(a => a.StartsWith("https:", StringComparison.Ordinal)));

    /// <summary>The http://host:port of the metrics listener, when <see cref="AdmissionOptions.MetricsBindAddress"/> is set.</summary>
    public static Uri? MetricsAddress(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.FirstOrDefault(a => a.StartsWith("http:", StringComparison.Ordinal)) is { } a ? new Uri(a) : null;

    /// <summary>Parses <c>host:port</c> or <c>:port</c> (all interfaces), as controller-runtime's bind addresses.</summary>
    /// <exception cref="ArgumentException">Not an IP address and port.</exception>
    public static (IPAddress Address, int Port) ParseBindAddress(string value)
    {
        var colon = value.LastIndexOf(':');
        var host = colon < 0 ? "" : value[..colon].Trim('[', ']');
        if (colon < 0
            || !int.TryParse(value[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port > 65535
            || (host.Length > 0 && !IPAddress.TryParse(host, out _)))
        {
            throw new ArgumentException("--metrics-bind-address must be host:port or :port with an IP address host, e.g. :8080");
        }

        return (host.Length == 0 ? IPAddress.Any : IPAddress.Parse(host), port);
    }
}
