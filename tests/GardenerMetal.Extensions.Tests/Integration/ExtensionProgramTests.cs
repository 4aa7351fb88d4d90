using System.Net;
using GardenerMetal.Extensions.Hosting;
using GardenerMetal.Extensions.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GardenerMetal.Extensions.Tests.Integration;

public sealed class ExtensionProgramTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("--controllers=bogus")]
    [InlineData("--kubeconfig=/nonexistent/kubeconfig")]
    public async Task RunAsync_BadFlagOrKubeconfig_ExitsWithTwoWithoutRegistering(string arg)
    {
        var registered = false;

        var code = await ExtensionProgram.RunAsync([arg], ["infrastructure"], _ => registered = true).WaitAsync(Timeout);

        Assert.Equal(2, code);
        Assert.False(registered);
    }

    [Fact]
    public async Task Build_Running_ServesHealthReadinessAndMetrics()
    {
        // Arrange
        var ns = await emulator.NewShootNamespaceAsync();
        var options = new ControllerHostOptions { Namespace = ns, HealthBindAddress = "127.0.0.1:0", Identity = "program-test", LeaseDuration = TimeSpan.FromSeconds(3), RenewDeadline = TimeSpan.FromSeconds(2), RetryPeriod = TimeSpan.FromMilliseconds(200) };
        await using var app = ExtensionProgram.Build(options, emulator.Configuration, host => host.AddController("infrastructure", new TestActuator(), "metal"));
        await app.StartAsync().WaitAsync(Timeout);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        await emulator.CreateInfrastructureAsync(ns, "infra");

        // Act
        var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative)).WaitAsync(Timeout);
        HttpStatusCode ready;
        using (var cts = new CancellationTokenSource(Timeout))
        {
            while ((ready = (await http.GetAsync(new Uri("/readyz", UriKind.Relative), cts.Token)).StatusCode) != HttpStatusCode.OK)
            {
                await Task.Delay(50, cts.Token);
            }
        }

        string metrics;
        using (var cts = new CancellationTokenSource(Timeout))
        {
            while (!(metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), cts.Token)).Contains("result=\"success\"} 1", StringComparison.Ordinal))
            {
                await Task.Delay(50, cts.Token);
            }
        }

        await app.StopAsync().WaitAsync(Timeout);

        // Assert
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready);
        Assert.Contains("gardener_extension_leader{controller=\"infrastructure\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("gardener_extension_reconcile_duration_seconds_count{controller=\"infrastructure\"}", metrics, StringComparison.Ordinal);
    }
}
