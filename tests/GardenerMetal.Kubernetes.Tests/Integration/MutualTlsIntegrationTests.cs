using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.Kubernetes.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.Kubernetes.Tests.Integration;

/// <summary>
/// Client certificates from a kubeconfig over a real TLS handshake: a minimal HTTPS server (the
/// emulator authenticates by token only) that requires a client certificate issued by its CA.
/// </summary>
public sealed class MutualTlsIntegrationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private static async Task<(WebApplication App, Uri Address)> StartServerAsync(X509Certificate2 serverCert, X509Certificate2 clientCa)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = serverCert,
            ClientCertificateMode = ClientCertificateMode.RequireCertificate,
            ClientCertificateValidation = (cert, _, _) =>
            {
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                chain.ChainPolicy.CustomTrustStore.Add(clientCa);
                return chain.Build(cert);
            },
        })));
        var app = builder.Build();
        app.MapGet("/api/v1/namespaces/{name}", async (HttpContext ctx, string name) =>
        {
            var subject = ctx.Connection.ClientCertificate?.GetNameInfo(X509NameType.SimpleName, false) ?? "";
            ctx.Response.ContentType = "application/json";
            var body = new System.Text.Json.Nodes.JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Namespace",
                ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = name, ["labels"] = new System.Text.Json.Nodes.JsonObject { ["client"] = subject } },
            };
            await ctx.Response.WriteAsync(body.ToJsonString());
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return (app, address);
    }

    private static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));

    [Fact]
    public async Task Kubeconfig_ClientCertificateData_AuthenticatesOverMutualTls()
    {
        using var ca = TestCertificates.CreateCa();
        using var serverCert = TestCertificates.CreateLeaf(ca, "127.0.0.1");
        using var clientCert = TestCertificates.CreateLeaf(ca, "system-admin", client: true);
        var (app, address) = await StartServerAsync(serverCert, ca).WaitAsync(Timeout);
        await using var _ = app;
        var kubeconfig = $"""
            current-context: c
            contexts:
            - name: c
              context: {"{"}cluster: k, user: u{"}"}
            clusters:
            - name: k
              cluster:
                server: https://127.0.0.1:{address.Port}
                certificate-authority-data: {B64(TestCertificates.Pem(ca))}
            users:
            - name: u
              user:
                client-certificate-data: {B64(TestCertificates.Pem(clientCert))}
                client-key-data: {B64(TestCertificates.KeyPem(clientCert))}
            """;
        using var client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfigYaml(kubeconfig));

        var ns = await client.Namespaces.GetAsync(null, "garden").WaitAsync(Timeout);

        Assert.Equal("garden", ns.Metadata.Name);
        Assert.Equal("system-admin", ns.Metadata.Labels!["client"]);
    }

    [Fact]
    public async Task Kubeconfig_WithoutClientCertificate_HandshakeIsRefused()
    {
        using var ca = TestCertificates.CreateCa();
        using var serverCert = TestCertificates.CreateLeaf(ca, "127.0.0.1");
        var (app, address) = await StartServerAsync(serverCert, ca).WaitAsync(Timeout);
        await using var _ = app;
        var collection = new X509Certificate2Collection { ca };
        using var client = new KubernetesClient(new KubernetesClientConfiguration { Server = new Uri($"https://127.0.0.1:{address.Port}"), CertificateAuthorities = collection });

        await Assert.ThrowsAsync<GardenerMetal.Kubernetes.Errors.KubernetesConnectionException>(() => client.Namespaces.GetAsync(null, "garden")).WaitAsync(Timeout);
    }
}
