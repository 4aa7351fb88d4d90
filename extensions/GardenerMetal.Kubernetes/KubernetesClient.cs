using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;
using System.Text.Json.Nodes;
using GardenerMetal.Kubernetes.Configuration;
using GardenerMetal.Kubernetes.Errors;
using GardenerMetal.Kubernetes.Models;
using GardenerMetal.Kubernetes.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GardenerMetal.Kubernetes;

/// <summary>
/// A thin Kubernetes REST client over one <see cref="HttpClient"/>. Thread-safe; create one per API
/// server and share it. Get a per-resource client with <see cref="Resource{T}"/> (typed) or
/// <see cref="Resource(ResourceDescriptor)"/> (untyped <see cref="JsonObject"/>), e.g.
/// <c>await client.Secrets.GetAsync("ns", "name", ct)</c>.
/// Failures throw <see cref="KubernetesApiException"/> subclasses.
/// </summary>
public sealed partial class KubernetesClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly TokenSource _tokens;
    private readonly bool _ownsHttp;

    /// <summary>Creates a client for <paramref name="configuration"/> with its own connection pool.</summary>
    /// <param name="configuration">Server, TLS and credentials.</param>
    /// <param name="loggerFactory">Logger factory; null for no logging.</param>
    public KubernetesClient(KubernetesClientConfiguration configuration, ILoggerFactory? loggerFactory = null)
        : this(configuration, CreateHandler(configuration), disposeHandler: true, loggerFactory)
    {
    }

    /// <summary>Creates a client that sends through <paramref name="handler"/> (e.g. a fake in tests).</summary>
    /// <param name="configuration">Server and credentials; TLS settings are the handler's business.</param>
    /// <param name="handler">The message handler.</param>
    /// <param name="disposeHandler">Whether <see cref="Dispose"/> disposes <paramref name="handler"/>.</param>
    /// <param name="loggerFactory">Logger factory; null for no logging.</param>
    public KubernetesClient(KubernetesClientConfiguration configuration, HttpMessageHandler handler, bool disposeHandler, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(handler);
        Configuration = configuration;
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _tokens = new TokenSource(configuration.Token, configuration.TokenFile, TimeProvider.System);
        var baseUri = configuration.Server.AbsoluteUri.EndsWith('/') ? configuration.Server : new Uri(configuration.Server.AbsoluteUri + "/");
        _http = new HttpClient(handler, disposeHandler) { BaseAddress = baseUri, Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.TryParseAdd(configuration.UserAgent);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _ownsHttp = true;
        if (configuration.InsecureSkipTlsVerify)
        {
            LogInsecure(LoggerFactory.CreateLogger<KubernetesClient>(), configuration.Server.Host);
        }
    }

    /// <summary>The configuration this client was built from.</summary>
    public KubernetesClientConfiguration Configuration { get; }

    /// <summary>The logger factory informers, leader electors and recorders built on this client use.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The default namespace from the kubeconfig context or the pod; may be null.</summary>
    public string? DefaultNamespace => Configuration.Namespace;

    /// <summary>core/v1 Secrets.</summary>
    public ResourceClient<Secret> Secrets => Resource(ResourceDescriptor.Secrets, KubernetesJsonContext.Default.Secret);

    /// <summary>core/v1 ConfigMaps.</summary>
    public ResourceClient<ConfigMap> ConfigMaps => Resource(ResourceDescriptor.ConfigMaps, KubernetesJsonContext.Default.ConfigMap);

    /// <summary>core/v1 Namespaces.</summary>
    public ResourceClient<Namespace> Namespaces => Resource(ResourceDescriptor.Namespaces, KubernetesJsonContext.Default.Namespace);

    /// <summary>core/v1 Events.</summary>
    public ResourceClient<Event> Events => Resource(ResourceDescriptor.Events, KubernetesJsonContext.Default.Event);

    /// <summary>coordination.k8s.io/v1 Leases.</summary>
    public ResourceClient<Lease> Leases => Resource(ResourceDescriptor.Leases, KubernetesJsonContext.Default.Lease);

    /// <summary>Typed access to <paramref name="resource"/>.</summary>
    /// <typeparam name="T">The model (usually an <see cref="IKubernetesObject"/>).</typeparam>
    /// <param name="resource">The resource.</param>
    /// <param name="typeInfo">Source-generated JSON metadata for <typeparamref name="T"/>.</param>
    /// <returns>The resource client.</returns>
    public ResourceClient<T> Resource<T>(ResourceDescriptor resource, JsonTypeInfo<T> typeInfo)
        where T : class
        => new(this, resource, typeInfo);

    /// <summary>Untyped access to <paramref name="resource"/>: every object is a <see cref="JsonObject"/>.</summary>
    /// <param name="resource">The resource.</param>
    /// <returns>The resource client.</returns>
    public ResourceClient<JsonObject> Resource(ResourceDescriptor resource)
        => new(this, resource, KubernetesJsonContext.Default.JsonObject);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    /// <summary>Sends a request and returns the successful body; throws the mapped exception otherwise.</summary>
    internal async Task<byte[]> SendAsync(HttpMethod method, string path, string? query, HttpContent? content, CancellationToken cancellationToken)
    {
        var operation = $"{method} {path}";
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(Configuration.RequestTimeout);
        try
        {
            using var request = CreateRequest(method, path, query, content);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cts.Token);
            var body = await response.Content.ReadAsByteArrayAsync(cts.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw KubernetesErrors.FromResponse((int)response.StatusCode, System.Text.Encoding.UTF8.GetString(body), operation, KubernetesErrors.RetryAfter(response));
            }

            return body;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw KubernetesErrors.ClientTimeout(operation, Configuration.RequestTimeout, ex);
        }
        catch (HttpRequestException ex)
        {
            throw KubernetesErrors.Connection(operation, ex);
        }
    }

    /// <summary>Opens a streaming response (watch); the caller disposes both the response and the token source.</summary>
    internal async Task<(HttpResponseMessage Response, CancellationTokenSource Cancellation)> OpenStreamAsync(string path, string query, CancellationToken cancellationToken)
    {
        var operation = $"GET {path} (watch)";
        var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(Configuration.RequestTimeout);
        HttpResponseMessage? response = null;
        try
        {
            using var request = CreateRequest(HttpMethod.Get, path, query, null);
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cts.Token);
                throw KubernetesErrors.FromResponse((int)response.StatusCode, body, operation, KubernetesErrors.RetryAfter(response));
            }

            cts.CancelAfter(Timeout.InfiniteTimeSpan);
            var result = (response, cts);
            response = null;
            cts = null;
            return result;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw KubernetesErrors.ClientTimeout(operation, Configuration.RequestTimeout, ex);
        }
        catch (HttpRequestException ex)
        {
            throw KubernetesErrors.Connection(operation, ex);
        }
        finally
        {
            response?.Dispose();
            cts?.Dispose();
        }
    }

    private HttpRequestMessage CreateRequest(HttpMethod method, string path, string? query, HttpContent? content)
    {
        var relative = string.IsNullOrEmpty(query) ? path.TrimStart('/') : $"{path.TrimStart('/')}?{query}";
        var request = new HttpRequestMessage(method, new Uri(relative, UriKind.Relative)) { Content = content };
        if (_tokens.GetToken() is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    /// <summary>The transport of <paramref name="configuration"/>: a pooled socket handler with its TLS settings and client certificate.</summary>
    /// <param name="configuration">Server, TLS and credentials.</param>
    /// <returns>A new handler (wrap it, e.g. in a metrics handler, and pass it to the handler constructor).</returns>
    public static SocketsHttpHandler CreateHandler(KubernetesClientConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.GZip,
            EnableMultipleHttp2Connections = true,
        };
        handler.SslOptions.RemoteCertificateValidationCallback = TlsValidation.CreateCallback(configuration);
        if (!string.IsNullOrEmpty(configuration.TlsServerName))
        {
            handler.SslOptions.TargetHost = configuration.TlsServerName;
        }

        if (configuration.ClientCertificate is { } cert)
        {
            handler.SslOptions.ClientCertificates = [cert];
        }

        return handler;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "TLS verification of the API server {Host} is disabled by insecure-skip-tls-verify")]
    private static partial void LogInsecure(ILogger logger, string host);
}
