using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;

namespace GardenerMetal.KubeEmulator.Tests;

/// <summary>Watch fan-out cost: a bookmark-enabled watch must not leave one timer behind per event it streams.</summary>
/// <remarks>Counts process-wide timers, so it runs in a collection of its own, never next to other test classes.</remarks>
[Collection(nameof(WatchTimerTests))]
[CollectionDefinition(nameof(WatchTimerTests), DisableParallelization = true)]
public sealed class WatchTimerTests
{
    private const int Events = 200;

    [Fact]
    public async Task Watch_WithBookmarks_DoesNotCreateATimerPerEvent()
    {
        // Arrange: a long bookmark interval, so a timer created per event would stay alive while the watch runs.
        await using var server = await KubeEmulatorServer.StartAsync(new KubeEmulatorOptions { BookmarkInterval = TimeSpan.FromMinutes(10) })
            .WaitAsync(TimeSpan.FromSeconds(30));
        using var ca = X509Certificate2.CreateFromPem(server.CaCertificatePem);
        using var http = CreateClient(server, ca);
        const string ConfigMaps = "/api/v1/namespaces/default/configmaps";
        var (created, cm) = await Api.PostAsync(http, ConfigMaps, """{"metadata":{"name":"timers"}}""");
        Assert.Equal(HttpStatusCode.Created, created);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{ConfigMaps}?watch=true&allowWatchBookmarks=true&resourceVersion={Api.Rv(cm)}");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Api.Timeout);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync().WaitAsync(Api.Timeout));
        await Api.PatchAsync(http, ConfigMaps + "/timers", """{"data":{"i":"warm-up"}}""");
        Assert.Contains("warm-up", await reader.ReadLineAsync().WaitAsync(Api.Timeout), StringComparison.Ordinal);
        var before = Timer.ActiveCount;

        // Act: one event at a time, each read by the watcher before the next write.
        for (var i = 0; i < Events; i++)
        {
            await Api.PatchAsync(http, ConfigMaps + "/timers", "{\"data\":{\"i\":\"" + i + "\"}}");
            var line = await reader.ReadLineAsync().WaitAsync(Api.Timeout);
            Assert.Contains("\"MODIFIED\"", line, StringComparison.Ordinal);
        }

        // Assert: the watch's timers do not grow with the number of events.
        var grown = Timer.ActiveCount - before;
        Assert.True(grown < Events / 4, $"{grown} more active timers after {Events} watch events");
    }

    private static HttpClient CreateClient(KubeEmulatorServer server, X509Certificate2 ca)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, cert, _, _) =>
                {
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(ca);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return cert is X509Certificate2 c && chain.Build(c);
                },
            },
        };
        var client = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.Token);
        return client;
    }
}
