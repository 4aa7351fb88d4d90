using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.Kubernetes.LeaderElection;
using GardenerMetal.Kubernetes.Metrics;
using GardenerMetal.Mcm.Metal;
using GardenerMetal.Mcm.Transport;
using GardenerMetal.MetalApi;
using GardenerMetal.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.Mcm.Hosting;

/// <summary>
/// The machine-controller-manager-provider-metal process: the metal driver served by Grpc.AspNetCore on a unix socket
/// or loopback TCP (HTTP/2 only), health endpoints and <c>/metrics</c> (OpenTelemetry's Prometheus exporter, set up by
/// <see cref="GardenerTelemetry.AddGardenerTelemetry"/> as in the extension hosts) on a separate HTTP/1.1 listener (so the
/// driver is never reachable through it, and <c>/metrics</c> not through the driver listener), and optionally the machine
/// controller (which calls the driver over the driver listener).
/// </summary>
public static class DriverHost
{
    /// <summary>Builds the host (not started). <paramref name="configureLogging"/> may replace the console logger.</summary>
    public static WebApplication Build(DriverHostOptions options, Action<ILoggingBuilder>? configureLogging = null)
    {
        return Build(options, configureLogging, telemetry: null);
    }

    /// <summary>
    /// Builds the host (not started); <paramref name="telemetry"/> overrides the telemetry settings (service name
    /// <see cref="ServiceName"/>, OTLP from the environment).
    /// </summary>
    public static WebApplication Build(DriverHostOptions options, Action<ILoggingBuilder>? configureLogging, TelemetryOptions? telemetry)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MachineController && options.DriverListen.EndPoint is { Port: 0 })
        {
            throw new ArgumentException("--machine-controller: needs a fixed --driver-listen address (port 0 cannot be dialled)", nameof(options));
        }

        if (!options.DriverListen.IsLocal && !options.AllowRemoteDriverListen)
        {
            throw new ArgumentException(
                $"--driver-listen: {options.DriverListen} is reachable from other hosts; use a unix socket or a loopback address, or pass --driver-listen-allow-remote",
                nameof(options));
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = ServiceName });
        builder.Logging.ClearProviders();
        if (configureLogging is null)
        {
            builder.Logging.AddSimpleConsole(c => c.SingleLine = true);
        }
        else
        {
            configureLogging(builder.Logging);
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.ListenGrpc(options.DriverListen, options.AllowRemoteDriverListen);
            if (options.HealthListen is { } health)
            {
                if (health.SocketPath is { } path)
                {
                    kestrel.ListenUnixSocket(path, l => l.Protocols = HttpProtocols.Http1);
                }
                else
                {
                    kestrel.Listen(health.EndPoint!, l => l.Protocols = HttpProtocols.Http1);
                }
            }
        });
        builder.AddGardenerTelemetry(telemetry ?? new TelemetryOptions { ServiceName = ServiceName });
        builder.Services.AddHealthChecks();
        builder.Services.AddSingleton<CachingMetalApiClientFactory>(_ => new CachingMetalApiClientFactory());
        builder.Services.AddSingleton<IMetalApiClientFactory>(sp => sp.GetRequiredService<CachingMetalApiClientFactory>());
        builder.Services.AddSingleton<MetalMachineDriver>();
        builder.Services.AddDriverGrpc(options.Grpc);

        if (options.MachineController)
        {
            // Fails fast with a message naming the kubeconfig field or file when the seed is not reachable by configuration.
            var kube = options.Kubeconfig is { } path
                ? KubernetesClientConfiguration.FromKubeconfigFile(path)
                : KubernetesClientConfiguration.LoadDefault();
            var election = LeaderElectionFor(options, kube);
            builder.Services.AddSingleton(sp => new ControllerRuntimeMetrics(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
            builder.Services.AddHostedService(sp => new MachineControllerService(
                new KubernetesClient(kube, sp.GetRequiredService<ILoggerFactory>()),
                options.DriverListen,
                options.Controller,
                election,
                sp.GetRequiredService<ControllerRuntimeMetrics>(),
                sp.GetRequiredService<ILoggerFactory>()));
        }

        var app = builder.Build();
        // Only the HTTP/1.1 health listener serves /metrics: the driver listener speaks HTTP/2 only.
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            HttpProtocol.IsHttp11(context.Request.Protocol) && context.Request.Path == "/metrics");
        app.MapGrpcService<MetalMachineDriver>();
        app.MapHealthChecks("/healthz");
        app.MapHealthChecks("/readyz");
        return app;
    }

    /// <summary>The <c>service.name</c> of the sidecar's telemetry and the application name of its host.</summary>
    public const string ServiceName = "machine-controller-manager-provider-metal";

    /// <summary>The Lease settings of the machine controller, or null when leader election is off; errors name the flag.</summary>
    private static LeaderElectionOptions? LeaderElectionFor(DriverHostOptions options, KubernetesClientConfiguration kube)
    {
        var election = options.LeaderElection;
        if (!election.Enabled)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(election.LeaseName))
        {
            throw new ArgumentException("--leader-election-id: must not be empty", nameof(options));
        }

        var ns = election.Namespace ?? options.Controller.Namespace ?? kube.Namespace;
        if (string.IsNullOrWhiteSpace(ns))
        {
            throw new ArgumentException(
                "--leader-election-namespace: required when neither --namespace nor the kubeconfig context names a namespace (the Lease is namespaced)",
                nameof(options));
        }

        if (string.IsNullOrWhiteSpace(election.Identity))
        {
            throw new ArgumentException("leader election identity: must not be empty", nameof(options));
        }

        if (election.RenewDeadline >= election.LeaseDuration || election.RetryPeriod <= TimeSpan.Zero || election.RetryPeriod * 1.2 >= election.RenewDeadline)
        {
            throw new ArgumentException("leader election timing: needs RetryPeriod × 1.2 < RenewDeadline < LeaseDuration", nameof(options));
        }

        return new LeaderElectionOptions
        {
            LeaseNamespace = ns,
            LeaseName = election.LeaseName,
            Identity = election.Identity,
            LeaseDuration = election.LeaseDuration,
            RenewDeadline = election.RenewDeadline,
            RetryPeriod = election.RetryPeriod,
        };
    }

    /// <summary>The addresses Kestrel bound (TCP port 0 resolved), after start.</summary>
    public static IReadOnlyList<string> BoundAddresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];
    }
}
