using System.Diagnostics.Metrics;
using System.Globalization;
using GardenerMetal.Extensions.Metrics;
using GardenerMetal.Kubernetes;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.Kubernetes.Metrics;
using GardenerMetal.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.Extensions.Hosting;

/// <summary>
/// The Program.cs of every extension binary:
/// <c>return await ExtensionProgram.RunAsync(args, ["infrastructure", "worker"], host =&gt; host.AddController(...));</c>
/// Parses the flags, logs JSON to the console (with the reconcile's namespace/name and trace IDs as scopes), serves
/// /healthz, /readyz and /metrics (OpenTelemetry's Prometheus exporter) on <c>--health-bind-address</c>, exports traces
/// by OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, runs the controllers, and shuts down gracefully on SIGTERM.
/// </summary>
public static class ExtensionProgram
{
    /// <summary>
    /// Runs the binary; returns the process exit code (2 for bad flags or a bad kubeconfig, printed to stderr naming
    /// the flag or field). <paramref name="register"/> creates the actuators from <see cref="ControllerHost.Client"/>
    /// and <see cref="ControllerHost.LoggerFactory"/> and adds the controllers.
    /// </summary>
    public static Task<int> RunAsync(IReadOnlyList<string> args, IReadOnlyCollection<string> controllerNames, Action<ControllerHost> register, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(register);
        return RunAsync(() => ControllerHostOptions.Parse([.. args], controllerNames), (options, configuration) => Build(options, configuration, register), cancellationToken);
    }

    /// <summary>
    /// Runs a binary whose flags go beyond <see cref="ControllerHostOptions"/>: <paramref name="parse"/> reads them
    /// (throwing <see cref="ArgumentException"/> naming a bad flag), <paramref name="build"/> builds the web host.
    /// Returns the process exit code (2 for bad flags or a bad kubeconfig).
    /// </summary>
    public static async Task<int> RunAsync(Func<ControllerHostOptions> parse, Func<ControllerHostOptions, KubernetesClientConfiguration, WebApplication> build, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(build);
        ControllerHostOptions options;
        KubernetesClientConfiguration configuration;
        try
        {
            options = parse();
            configuration = options.Kubeconfig is { } path
                ? KubernetesClientConfiguration.FromKubeconfigFile(path)
                : KubernetesClientConfiguration.InCluster();
        }
        catch (Exception ex) when (ex is ArgumentException or KubernetesConfigurationException)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }

        await using var app = build(options, configuration);
        await app.RunAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <summary>Builds the web host with the controllers as a hosted service (exposed for tests).</summary>
    public static WebApplication Build(ControllerHostOptions options, KubernetesClientConfiguration configuration, Action<ControllerHost> register) =>
        Build(options, configuration, register, telemetry: null);

    /// <summary>
    /// Builds the web host with the controllers as a hosted service; <paramref name="telemetry"/> overrides the
    /// telemetry settings (service name <c>--extension-name</c>, OTLP from the environment) — tests add an in-memory exporter.
    /// </summary>
    public static WebApplication Build(ControllerHostOptions options, KubernetesClientConfiguration configuration, Action<ControllerHost> register, TelemetryOptions? telemetry)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(register);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffZ";
            o.UseUtcTimestamp = true;
        });
        builder.WebHost.UseUrls("http://" + NormalizeBindAddress(options.HealthBindAddress));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownGracePeriod + TimeSpan.FromSeconds(5));
        builder.AddGardenerTelemetry(telemetry ?? new TelemetryOptions { ServiceName = options.ExtensionName });
        builder.Services.AddSingleton(sp => new KubernetesClient(
            configuration,
            new RestClientMetricsHandler(KubernetesClient.CreateHandler(configuration), sp.GetRequiredService<IMeterFactory>()),
            disposeHandler: true,
            sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton(sp => new ControllerMetrics(sp.GetRequiredService<IMeterFactory>()));
        builder.Services.AddSingleton(sp =>
        {
            var host = new ControllerHost(sp.GetRequiredService<KubernetesClient>(), options, sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<ControllerMetrics>());
            register(host);
            return host;
        });
        builder.Services.AddHostedService<ControllerHostService>();

        var app = builder.Build();
        MapEndpoints(app, app.Services.GetRequiredService<ControllerHost>());
        return app;
    }

    /// <summary>Maps /healthz (process alive), /readyz (caches synced or standing by) and /metrics (Prometheus text of every meter).</summary>
    public static void MapEndpoints(WebApplication app, ControllerHost host)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(host);
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", () => host.IsReady ? Results.Text("ok") : Results.Text("not ready", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapMetrics();
    }

    private static string NormalizeBindAddress(string address) =>
        address.StartsWith(':') ? "0.0.0.0" + address : address.Contains(':', StringComparison.Ordinal) ? address : address + ":" + 8081.ToString(CultureInfo.InvariantCulture);
}
