using Microsoft.AspNetCore.Builder;
using System.Security.Cryptography.X509Certificates;
using GardenerMetal.Admission.Hosting;

namespace GardenerMetal.Admission.Tests;

/// <summary>The webhook host on 127.0.0.1:0 over real TLS with a generated certificate, and a client trusting exactly it.</summary>
internal sealed class WebhookServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookServer(WebApplication app, string dir, FakeSources sources, HttpClient client)
    {
        _app = app;
        Directory = dir;
        Sources = sources;
        Client = client;
        BaseAddress = AdmissionHost.BaseAddress(app);
    }

    public string Directory { get; }

    public FakeSources Sources { get; }

    public HttpClient Client { get; }

    public Uri BaseAddress { get; }

    /// <summary>The plain-HTTP metrics listener, when the options set one.</summary>
    public Uri? MetricsAddress => AdmissionHost.MetricsAddress(_app);

    public string CertFile => Path.Combine(Directory, "tls.crt");

    public string KeyFile => Path.Combine(Directory, "tls.key");

    /// <summary>Thumbprints of certificates the server presented.</summary>
    public List<string> Presented { get; } = [];

    public static async Task<WebhookServer> StartAsync(Func<AdmissionOptions, AdmissionOptions>? configure = null)
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("admission-test").FullName;
        var certFile = Path.Combine(dir, "tls.crt");
        var keyFile = Path.Combine(dir, "tls.key");
        TestCertificate.Write(certFile, keyFile);
        var options = new AdmissionOptions { BindAddress = "127.0.0.1", Port = 0, CertFile = certFile, KeyFile = keyFile, CertificateCheckInterval = TimeSpan.Zero };
        options = configure?.Invoke(options) ?? options;
        var sources = FakeSources.WithFixtures();
        var app = AdmissionHost.Build(options, sources, sources);
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        List<string>? presented = null;
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.Zero,
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, cert, _, _) =>
                {
                    presented!.Add(cert!.GetCertHashString());
                    var onDisk = X509Certificate2.CreateFromPem(File.ReadAllText(certFile));
                    return cert.GetCertHashString() == onDisk.GetCertHashString();
                },
            },
        };
        var server = new WebhookServer(app, dir, sources, new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(20) });
        presented = server.Presented;
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await _app.DisposeAsync();
        System.IO.Directory.Delete(Directory, true);
    }
}
