using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator.Admission;
using GardenerMetal.KubeEmulator.Api;
using GardenerMetal.KubeEmulator.Http;
using GardenerMetal.KubeEmulator.Storage;
using GardenerMetal.KubeEmulator.Tls;
using GardenerMetal.KubeEmulator.Yaml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.KubeEmulator;

/// <summary>
/// An in-memory, HTTPS, kube-apiserver-compatible server for tests and local demos (never production).
/// Start it with <see cref="StartAsync"/>, point clients at <see cref="WriteKubeconfig"/>, seed it with
/// <see cref="ApplyYamlAsync"/>.
/// </summary>
public sealed class KubeEmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CertificateAuthority _ca;
    private readonly ObjectService _service;
    private readonly GarbageCollector _gc;
    private readonly AdmissionDispatcher _admission;

    private KubeEmulatorServer(WebApplication app, CertificateAuthority ca, ObjectService service, GarbageCollector gc, AdmissionDispatcher admission, string token, Uri baseAddress)
    {
        _app = app;
        _ca = ca;
        _service = service;
        _gc = gc;
        _admission = admission;
        Token = token;
        BaseAddress = baseAddress;
    }

    /// <summary>https://127.0.0.1:port/ of the running server.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The bearer token clients must send.</summary>
    public string Token { get; }

    /// <summary>PEM of the self-signed CA that signed the serving certificate (SANs 127.0.0.1, ::1, localhost).</summary>
    public string CaCertificatePem => _ca.CaPem;

    internal ObjectService Service => _service;

    /// <summary>Starts a server with its own CA, token and empty store (namespaces default, kube-system, kube-public exist).</summary>
    public static async Task<KubeEmulatorServer> StartAsync(KubeEmulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.WatchWindow < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.WatchWindow, "WatchWindow must be at least 1");
        }

        var ip = options.Host == "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(options.Host, out var parsed) ? parsed
            : throw new ArgumentException($"Host \"{options.Host}\" is not an IP address or localhost", nameof(options));
        var token = options.Token ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var ca = CertificateAuthority.Create();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(KubeEmulatorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(options.LogLevel);
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, PassiveHostLifetime>();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MinResponseDataRate = null;
            k.Limits.Http2.MaxStreamsPerConnection = 1000;
            k.Listen(ip, options.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(ca.Serving);
            });
        });
        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("GardenerMetal.KubeEmulator");

        var clock = new ResourceVersionClock();
        var registry = new ResourceRegistry(clock, options.WatchWindow, options.WatcherQueueCapacity);
        var admission = new AdmissionDispatcher(registry, options.WebhookServices, logger);
        var service = new ObjectService(registry, admission);
        var handler = new RequestHandler(service, options, token, logger);
        app.Run(handler.HandleAsync);

        foreach (var ns in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
        {
            await service.CreateAsync(BuiltinResources.Namespaces, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } }, WriteOptions.Internal, ct);
        }

        var gc = new GarbageCollector(service, logger);
        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await gc.DisposeAsync();
            await app.DisposeAsync();
            ca.Dispose();
            admission.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        var hostText = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString();
        var baseAddress = new Uri($"https://{hostText}:{port}/");
        handler.ServerAddress = $"{hostText}:{port}";
        Log.Listening(logger, baseAddress);
        return new KubeEmulatorServer(app, ca, service, gc, admission, token, baseAddress);
    }

    /// <summary>Writes a kubeconfig (server, certificate-authority-data, token, current-context) and returns its path.</summary>
    public string WriteKubeconfig(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var caData = Convert.ToBase64String(Encoding.UTF8.GetBytes(CaCertificatePem));
        var server = BaseAddress.GetLeftPart(UriPartial.Authority);
        var text = $$"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: kube-emulator
              cluster:
                server: {{server}}
                certificate-authority-data: {{caData}}
            users:
            - name: kube-emulator
              user:
                token: {{Token}}
            contexts:
            - name: kube-emulator
              context:
                cluster: kube-emulator
                user: kube-emulator
                namespace: default
            current-context: kube-emulator
            preferences: {}

            """;
        File.WriteAllText(full, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return full;
    }

    /// <summary>
    /// Creates or replaces every object of a multi-document YAML (CRDs are served at once, so later
    /// documents may use them; missing namespaces are created; a <c>status</c> is written through the
    /// status subresource). Errors name the document and the field.
    /// </summary>
    public async Task ApplyYamlAsync(string yaml, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        List<JsonNode> docs;
        try
        {
            docs = YamlConverter.ParseDocuments(yaml);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException(ex.Message, ex);
        }

        var expanded = new List<JsonObject>();
        foreach (var doc in docs)
        {
            if (doc is not JsonObject obj)
            {
                throw new InvalidOperationException("every YAML document must be an object");
            }

            if ((string?)obj["kind"] == "List" && obj["items"] is JsonArray items)
            {
                expanded.AddRange(items.OfType<JsonObject>().Select(i => (JsonObject)i.DeepClone()));
            }
            else
            {
                expanded.Add(obj);
            }
        }

        for (var i = 0; i < expanded.Count; i++)
        {
            try
            {
                await ApplyOneAsync(expanded[i], ct);
            }
            catch (ApiException ex)
            {
                throw new InvalidOperationException($"document {i + 1} ({expanded[i]["kind"]} \"{expanded[i]["metadata"]?["name"]}\"): {ex.Message}", ex);
            }
        }
    }

    /// <summary>Applies a YAML file, see <see cref="ApplyYamlAsync"/>.</summary>
    public async Task ApplyFileAsync(string path, CancellationToken ct = default)
    {
        var text = await File.ReadAllTextAsync(path, ct);
        await ApplyYamlAsync(text, ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _gc.DisposeAsync();
        foreach (var (_, store) in _service.Registry.StoresWithType())
        {
            store.CloseAll();
        }

        using (var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(stopTimeout.Token);
        }

        await _app.DisposeAsync();
        _admission.Dispose();
        _ca.Dispose();
    }

    private async Task ApplyOneAsync(JsonObject obj, CancellationToken ct)
    {
        var apiVersion = obj["apiVersion"]?.ToString() ?? throw ApiException.BadRequest("apiVersion is required");
        var kind = obj["kind"]?.ToString() ?? throw ApiException.BadRequest("kind is required");
        var type = _service.Registry.FindByKind(apiVersion, kind)
            ?? throw ApiException.BadRequest($"no matches for kind \"{kind}\" in version \"{apiVersion}\"");
        var name = obj["metadata"]?["name"]?.ToString() ?? throw ApiException.BadRequest("metadata.name is required");
        string? ns = null;
        if (type.Namespaced)
        {
            ns = obj["metadata"]?["namespace"]?.ToString() ?? "default";
            if (!_service.Registry.StoreFor(BuiltinResources.Namespaces).TryGet(ns, out _))
            {
                await _service.CreateAsync(BuiltinResources.Namespaces, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } }, new WriteOptions(), ct);
            }
        }

        var status = obj["status"]?.DeepClone();
        var options = new WriteOptions { FieldValidation = "Ignore" };
        StoredObject result;
        if (_service.Registry.StoreFor(type).TryGet(ObjectService.Key(type, ns, name), out var current))
        {
            var body = (JsonObject)obj.DeepClone();
            ((JsonObject)body["metadata"]!)["resourceVersion"] = current.Metadata["resourceVersion"]?.DeepClone();
            result = await _service.UpdateAsync(type, ns, name, null, body, options, ct);
        }
        else
        {
            result = await _service.CreateAsync(type, ns, (JsonObject)obj.DeepClone(), options, ct);
        }

        if (status is not null && type.HasStatus && type != BuiltinResources.Crds && type != BuiltinResources.Namespaces)
        {
            var withStatus = result.CloneObject();
            withStatus["status"] = status;
            await _service.UpdateAsync(type, ns, name, "status", withStatus, options, ct);
        }
    }
}
