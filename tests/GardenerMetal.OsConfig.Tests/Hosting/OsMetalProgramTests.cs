using System.Text;
using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Hosting;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.OsConfig.Hosting;
using GardenerMetal.OsConfig.Tests.Controllers;
using GardenerMetal.OsConfig.Translation;
using GardenerMetal.Tests.Shared;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GardenerMetal.OsConfig.Tests.Hosting;

/// <summary>The os-metal controller mode: its flags, and the whole host (leader election, heartbeat) against the emulator.</summary>
public sealed class OsMetalProgramTests(OscEmulatorFixture emulator) : IClassFixture<OscEmulatorFixture>
{
    private static readonly TimeSpan Timeout = OscEmulatorFixture.Timeout;

    [Fact]
    public void ParseArguments_NoOscTypes_DefaultTypesOneControllerAndOsMetalNames()
    {
        // Act
        var (options, types, translator) = OsMetalProgram.ParseArguments(["--controllers=operatingsystemconfig", "--max-concurrent-reconciles", "3"]);

        // Assert
        Assert.Equal(["metal", "debian", "ubuntu"], types);
        Assert.Empty(translator.IgnitionVersionByType); // every type gets the default, Ignition 2.3.0
        Assert.Equal(["operatingsystemconfig"], options.Controllers);
        Assert.Equal(3, options.MaxConcurrentReconciles);
        Assert.Equal("os-metal", options.ExtensionName);
        Assert.Equal("os-metal", options.LeaderElectionId);
    }

    [Fact]
    public void ParseArguments_OscTypesAndExplicitNames_AreTaken()
    {
        // Act
        var (options, types, _) = OsMetalProgram.ParseArguments(["--osc-types=metal, ubuntu,metal", "--extension-name", "os-x", "--leader-election-id=x"]);

        // Assert
        Assert.Equal(["metal", "ubuntu"], types);
        Assert.Equal("os-x", options.ExtensionName);
        Assert.Equal("x", options.LeaderElectionId);
    }

    [Fact]
    public void ParseArguments_IgnitionVersionPerType_IntoTranslatorOptions()
    {
        // Act
        var (_, _, translator) = OsMetalProgram.ParseArguments(["--ignition-version", "metal=3.3.0", "--ignition-version=ubuntu=2.3.0"]);

        // Assert
        Assert.Equal(
            new Dictionary<string, IgnitionVersion> { ["metal"] = IgnitionVersion.Spec330, ["ubuntu"] = IgnitionVersion.Spec230 },
            translator.IgnitionVersionByType);
    }

    [Theory]
    [InlineData("--ignition-version", "--ignition-version")]
    [InlineData("--ignition-version=metal", "--ignition-version")]
    [InlineData("--ignition-version=metal=3.4.0", "'3.4.0'")]
    [InlineData("--ignition-version=metal=2.2.0", "'2.2.0'")]
    [InlineData("--ignition-version=suse=2.3.0", "'suse'")]
    [InlineData("--osc-types", "--osc-types")]
    [InlineData("--osc-types=", "--osc-types")]
    [InlineData("--osc-types=Metal", "'Metal'")]
    [InlineData("--controllers=worker", "worker")]
    [InlineData("--bogus=1", "--bogus")]
    public void ParseArguments_BadFlag_ArgumentExceptionNamingIt(string arg, string named)
    {
        // Act
        var error = Assert.ThrowsAny<ArgumentException>(() => OsMetalProgram.ParseArguments([arg]));

        // Assert
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BadFlag_ExitCode2()
    {
        // Act
        var code = await OsMetalProgram.RunAsync(["--osc-types="]).WaitAsync(Timeout);

        // Assert
        Assert.Equal(2, code);
    }

    [Fact]
    public async Task Build_FromFlags_ElectsLeaderRenewsHeartbeatWritesUserDataAndServesMetrics()
    {
        // Arrange
        var ns = await emulator.NewShootNamespaceAsync();
        var (options, types, translator) = OsMetalProgram.ParseArguments(
        [
            "--controllers=operatingsystemconfig", "--osc-types", "ubuntu,metal", "--ignition-version", "metal=3.3.0",
            "--kubeconfig", emulator.KubeconfigPath, "--namespace", ns,
            "--health-bind-address", "127.0.0.1:0", "--lease-duration=3s", "--renew-deadline=2s", "--retry-period=200ms",
            "--heartbeat-renew-interval=4s", "--identity=replica-a",
        ]);
        var osc = OscEmulatorFixture.GoldenOsc("isolated-debian", ns, "pool-u");
        osc.Spec.Type = "ubuntu";
        var metal = OscEmulatorFixture.GoldenOsc("example", ns, "pool-m");
        await using var app = OsMetalProgram.Build(options, KubernetesClientConfiguration.FromKubeconfigFile(emulator.KubeconfigPath), types, translator);
        await app.StartAsync().WaitAsync(Timeout);

        // Act
        await emulator.Oscs.CreateAsync(osc).WaitAsync(Timeout);
        await emulator.Oscs.CreateAsync(metal).WaitAsync(Timeout);
        await OscEmulatorFixture.EventuallyAsync(
            async () => (await emulator.GetOscAsync(ns, "pool-u"))?.Status?.LastOperation is { State: LastOperationState.Succeeded },
            "ubuntu OSC reconciled");
        await OscEmulatorFixture.EventuallyAsync(
            async () => (await emulator.GetOscAsync(ns, "pool-m"))?.Status?.LastOperation is { State: LastOperationState.Succeeded },
            "metal OSC reconciled");
        var secret = await emulator.GetSecretAsync(ns, "osc-result-pool-u");
        var metalSecret = await emulator.GetSecretAsync(ns, "osc-result-pool-m");
        var leader = await emulator.Client.Leases.GetAsync(ns, "os-metal-operatingsystemconfig").WaitAsync(Timeout);
        var heartbeat = await emulator.Client.Leases.GetAsync(ns, HeartbeatLease.LeaseName).WaitAsync(Timeout);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        PrometheusText.Scrape metrics;
        using (var cts = new CancellationTokenSource(Timeout))
        {
            while ((metrics = PrometheusText.Parse(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), cts.Token)))
                .Sum("controller_runtime_reconcile_total", ("controller", "operatingsystemconfig"), ("result", "success")) < 1)
            {
                await Task.Delay(100, cts.Token);
            }
        }

        await app.StopAsync().WaitAsync(Timeout);

        // Assert
        Assert.Equal(File.ReadAllText(Path.Combine(GoldenCase.Dir("isolated-debian"), "cloud-init.yaml")), Encoding.UTF8.GetString(secret!.Data!["cloud_config"]));
        Assert.Equal(File.ReadAllText(Path.Combine(GoldenCase.Dir("example"), "ignition-3.3.0.json")), Encoding.UTF8.GetString(metalSecret!.Data!["cloud_config"])); // the operator's explicit choice
        Assert.Equal("replica-a", leader.Spec!.HolderIdentity);
        Assert.Equal("os-metal", heartbeat.Spec!.HolderIdentity);
        Assert.Equal(1, metrics.Sum("leader_election_master_status", ("name", "os-metal-operatingsystemconfig")));
        Assert.True(metrics.Sum("controller_runtime_reconcile_time_seconds_count", ("controller", "operatingsystemconfig")) >= 1);
        Assert.True(metrics.Sum("workqueue_adds_total", ("name", "operatingsystemconfig"), ("controller", "operatingsystemconfig")) >= 1);
        Assert.True(metrics.Sum("rest_client_requests_total", ("method", "PATCH")) >= 1);
    }
}
