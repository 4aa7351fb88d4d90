using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;

namespace GardenerMetal.KubeEmulator.Tests;

/// <summary>One emulator per test class, an HttpClient that trusts only its CA, and a private kubeconfig/HOME.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private X509Certificate2? _ca;

    public KubeEmulatorServer Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string Home { get; } = Directory.CreateTempSubdirectory("kube-emulator-tests-").FullName;

    public string Kubeconfig => Path.Combine(Home, "kubeconfig");

    public async ValueTask InitializeAsync()
    {
        Server = await KubeEmulatorServer.StartAsync(new KubeEmulatorOptions { WatchWindow = 50, BookmarkInterval = TimeSpan.FromMilliseconds(300) })
            .WaitAsync(TimeSpan.FromSeconds(30));
        Server.WriteKubeconfig(Kubeconfig);
        Http = CreateClient(Server.Token);
    }

    public HttpClient CreateClient(string? token)
    {
        _ca ??= X509Certificate2.CreateFromPem(Server.CaCertificatePem);
        var ca = _ca;
        var handler = new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, cert, _, errors) =>
                {
                    if (cert is null || (errors & System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
                    {
                        return false;
                    }

                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(ca);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return chain.Build((X509Certificate2)cert);
                },
            },
        };
        var client = new HttpClient(handler) { BaseAddress = Server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        _ca?.Dispose();
        await Server.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
