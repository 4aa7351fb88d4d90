using System.Net;
using GardenerMetal.Admission.Handlers;
using GardenerMetal.Admission.Sources;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

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
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new AdmissionHandler(new CachingCloudProfileSource(cloudProfiles, options.CloudProfileCacheTtl, TimeProvider.System), secrets, options.Defaults));
        builder.Services.AddSingleton<WebhookEndpoints>();
        var app = builder.Build();
        app.Services.GetRequiredService<WebhookEndpoints>().Map(app);
        configure?.Invoke(app);
        return app;
    }

    /// <summary>The https://host:port the started server listens on.</summary>
    public static Uri BaseAddress(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
