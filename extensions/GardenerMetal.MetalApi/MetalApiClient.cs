using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GardenerMetal.MetalApi.V1;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace GardenerMetal.MetalApi;

/// <summary>
/// The metal-api v1 client: typed calls over <see cref="HttpClient"/>, HMAC or bearer auth, per-attempt timeouts,
/// jittered retries for safe calls only (a Polly.Core retry strategy on <see cref="MetalApiClientOptions.TimeProvider"/>),
/// and <see cref="MetalApiException"/> errors. Each call is a client span <c>metal-api &lt;operationId&gt;</c> on
/// <see cref="ActivitySourceName"/>, a child of the reconcile that makes it; its HTTP attempts are the span's children.
/// </summary>
public sealed class MetalApiClient : IMetalApiClient, IDisposable
{
    /// <summary>The activity source of metal-api calls.</summary>
    public const string ActivitySourceName = "GardenerMetal.MetalApi";

    private static readonly ActivitySource Source = new(ActivitySourceName);

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private static readonly MetalApiJsonContext Json = MetalApiJsonContext.Default;

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly MetalApiClientOptions _options;
    private readonly Uri _base;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _retry;

    /// <summary>Creates a client. When <paramref name="httpClient"/> is null the client owns a pooled one.</summary>
    public MetalApiClient(MetalApiClientOptions options, HttpClient? httpClient = null, ILogger<MetalApiClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.BaseAddress);
        ArgumentNullException.ThrowIfNull(options.Credentials);
        if (!options.BaseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException("BaseAddress must be an absolute URL", nameof(options));
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Timeout must be positive");
        }

        if (options.MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxRetries must not be negative");
        }

        _options = options;
        var b = options.BaseAddress.AbsoluteUri;
        _base = new Uri(b.EndsWith('/') ? b : b + "/");
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _retry = options.MaxRetries == 0 ? ResiliencePipeline.Empty : new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is MetalApiException { IsTransient: true }),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Backoff(args.AttemptNumber + 1, (args.Outcome.Exception as MetalApiException)?.RetryAfter)),
                OnRetry = args =>
                {
                    var failure = (MetalApiException)args.Outcome.Exception!;
                    MetalApiClientLog.RetryScheduled(_logger, failure.OperationId, args.AttemptNumber + 1,
                        failure.StatusCode is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) : failure.Kind.ToString(),
                        (long)args.RetryDelay.TotalMilliseconds);
                    Activity.Current?.AddEvent(new ActivityEvent("retry"));
                    return default;
                },
            })
            .Build();
        if (httpClient is null)
        {
            _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                Timeout = Timeout.InfiniteTimeSpan,
            };
            _ownsHttp = true;
        }
        else
        {
            _http = httpClient;
        }
    }

    /// <summary>
    /// Creates a client from a credentials Secret's data (<c>metalAPIURL</c> + exactly one of <c>metalAPIHMac</c>/<c>metalAPIKey</c>).
    /// </summary>
    /// <exception cref="MetalApiConfigurationException">The data is incomplete or contradictory.</exception>
    public static MetalApiClient FromSecretData(
        IReadOnlyDictionary<string, byte[]> data,
        string? hmacAuthType = null,
        HttpClient? httpClient = null,
        ILogger<MetalApiClient>? logger = null) =>
        new(MetalApiClientOptions.FromSecretData(data, hmacAuthType), httpClient, logger);

    /// <summary>The options the client runs with.</summary>
    public MetalApiClientOptions Options => _options;

    /// <inheritdoc />
    public Task<MachineResponse> AllocateMachineAsync(MachineAllocateRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(MetalApiRoutes.AllocateMachine, MetalApiRoutes.AllocateMachine.PathTemplate, Body(request, Json.MachineAllocateRequest), Json.MachineResponse, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<MachineResponse>> FindMachinesAsync(MachineFindRequest request, CancellationToken cancellationToken = default) =>
        await SendAsync(MetalApiRoutes.FindMachines, MetalApiRoutes.FindMachines.PathTemplate, Body(request, Json.MachineFindRequest), Json.ListMachineResponse, cancellationToken);

    /// <inheritdoc />
    public Task<MachineResponse> GetMachineAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(MetalApiRoutes.GetMachine, MetalApiRoutes.GetMachine.Expand(Id(id)), null, Json.MachineResponse, cancellationToken);

    /// <inheritdoc />
    public Task<MachineResponse> FreeMachineAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(MetalApiRoutes.FreeMachine, MetalApiRoutes.FreeMachine.Expand(Id(id)), null, Json.MachineResponse, cancellationToken);

    /// <inheritdoc />
    public Task<FirewallResponse> AllocateFirewallAsync(FirewallCreateRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(MetalApiRoutes.AllocateFirewall, MetalApiRoutes.AllocateFirewall.PathTemplate, Body(request, Json.FirewallCreateRequest), Json.FirewallResponse, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<FirewallResponse>> FindFirewallsAsync(FirewallFindRequest request, CancellationToken cancellationToken = default) =>
        await SendAsync(MetalApiRoutes.FindFirewalls, MetalApiRoutes.FindFirewalls.PathTemplate, Body(request, Json.FirewallFindRequest), Json.ListFirewallResponse, cancellationToken);

    /// <inheritdoc />
    public Task<FirewallResponse> GetFirewallAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(MetalApiRoutes.GetFirewall, MetalApiRoutes.GetFirewall.Expand(Id(id)), null, Json.FirewallResponse, cancellationToken);

    /// <inheritdoc />
    public Task<NetworkResponse> AllocateNetworkAsync(NetworkAllocateRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(MetalApiRoutes.AllocateNetwork, MetalApiRoutes.AllocateNetwork.PathTemplate, Body(request, Json.NetworkAllocateRequest), Json.NetworkResponse, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<NetworkResponse>> FindNetworksAsync(NetworkFindRequest request, CancellationToken cancellationToken = default) =>
        await SendAsync(MetalApiRoutes.FindNetworks, MetalApiRoutes.FindNetworks.PathTemplate, Body(request, Json.NetworkFindRequest), Json.ListNetworkResponse, cancellationToken);

    /// <inheritdoc />
    public Task<NetworkResponse> GetNetworkAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(MetalApiRoutes.GetNetwork, MetalApiRoutes.GetNetwork.Expand(Id(id)), null, Json.NetworkResponse, cancellationToken);

    /// <inheritdoc />
    public Task<NetworkResponse> FreeNetworkAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(MetalApiRoutes.FreeNetwork, MetalApiRoutes.FreeNetwork.Expand(Id(id)), null, Json.NetworkResponse, cancellationToken);

    /// <inheritdoc />
    public Task<IPResponse> AllocateIPAsync(IPAllocateRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(MetalApiRoutes.AllocateIP, MetalApiRoutes.AllocateIP.PathTemplate, Body(request, Json.IPAllocateRequest), Json.IPResponse, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<IPResponse>> FindIPsAsync(IPFindRequest request, CancellationToken cancellationToken = default) =>
        await SendAsync(MetalApiRoutes.FindIPs, MetalApiRoutes.FindIPs.PathTemplate, Body(request, Json.IPFindRequest), Json.ListIPResponse, cancellationToken);

    /// <inheritdoc />
    public Task<IPResponse> GetIPAsync(string ipAddress, CancellationToken cancellationToken = default) =>
        SendAsync(MetalApiRoutes.GetIP, MetalApiRoutes.GetIP.Expand(Id(ipAddress)), null, Json.IPResponse, cancellationToken);

    /// <inheritdoc />
    public Task<IPResponse> UpdateIPAsync(IPUpdateRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(MetalApiRoutes.UpdateIP, MetalApiRoutes.UpdateIP.PathTemplate, Body(request, Json.IPUpdateRequest), Json.IPResponse, cancellationToken);

    /// <inheritdoc />
    public Task<IPResponse> FreeIPAsync(string ipAddress, CancellationToken cancellationToken = default) =>
        SendAsync(MetalApiRoutes.FreeIP, MetalApiRoutes.FreeIP.Expand(Id(ipAddress)), null, Json.IPResponse, cancellationToken);

    /// <inheritdoc />
    public Task<ImageResponse> GetImageAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(MetalApiRoutes.GetImage, MetalApiRoutes.GetImage.Expand(Id(id)), null, Json.ImageResponse, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ImageResponse>> FindImagesAsync(ImageFindRequest request, CancellationToken cancellationToken = default) =>
        await SendAsync(MetalApiRoutes.FindImages, MetalApiRoutes.FindImages.PathTemplate, Body(request, Json.ImageFindRequest), Json.ListImageResponse, cancellationToken);

    /// <inheritdoc />
    public Task<SizeResponse> GetSizeAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(MetalApiRoutes.GetSize, MetalApiRoutes.GetSize.Expand(Id(id)), null, Json.SizeResponse, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<SizeResponse>> ListSizesAsync(CancellationToken cancellationToken = default) =>
        await SendAsync(MetalApiRoutes.ListSizes, MetalApiRoutes.ListSizes.PathTemplate, null, Json.ListSizeResponse, cancellationToken);

    /// <inheritdoc />
    public Task<PartitionResponse> GetPartitionAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(MetalApiRoutes.GetPartition, MetalApiRoutes.GetPartition.Expand(Id(id)), null, Json.PartitionResponse, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<PartitionResponse>> ListPartitionsAsync(CancellationToken cancellationToken = default) =>
        await SendAsync(MetalApiRoutes.ListPartitions, MetalApiRoutes.ListPartitions.PathTemplate, null, Json.ListPartitionResponse, cancellationToken);

    /// <inheritdoc />
    public Task<ProjectResponse> GetProjectAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(MetalApiRoutes.GetProject, MetalApiRoutes.GetProject.Expand(Id(id)), null, Json.ProjectResponse, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProjectResponse>> FindProjectsAsync(ProjectFindRequest request, CancellationToken cancellationToken = default) =>
        await SendAsync(MetalApiRoutes.FindProjects, MetalApiRoutes.FindProjects.PathTemplate, Body(request, Json.ProjectFindRequest), Json.ListProjectResponse, cancellationToken);

    /// <inheritdoc />
    public Task<VersionResponse> GetVersionAsync(CancellationToken cancellationToken = default) =>
        SendAsync(MetalApiRoutes.Version, MetalApiRoutes.Version.PathTemplate, null, Json.VersionResponse, cancellationToken);

    /// <inheritdoc />
    public Task<HealthResponse> GetHealthAsync(CancellationToken cancellationToken = default) =>
        SendAsync(MetalApiRoutes.Health, MetalApiRoutes.Health.PathTemplate, null, Json.HealthResponse, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private static byte[] Body<T>(T request, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(request);
        return JsonSerializer.SerializeToUtf8Bytes(request, typeInfo);
    }

    private static string Id(string id, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(id))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, name);
        return id;
    }

    private async Task<TResponse> SendAsync<TResponse>(
        MetalApiRoute route, string path, byte[]? body, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        var uri = new Uri(_base, path.TrimStart('/'));
        var method = new HttpMethod(route.Method);
        using var activity = Source.StartActivity("metal-api " + route.OperationId, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.request.method", route.Method);
            activity.SetTag("url.template", route.PathTemplate);
            activity.SetTag("metal_api.operation", route.OperationId);
        }

        try
        {
            var pipeline = route.Safe ? _retry : ResiliencePipeline.Empty;
            return await pipeline.ExecuteAsync(
                static (state, ct) => state.Client.AttemptAsync(state.Route, state.Method, state.Uri, state.Body, state.ResponseType, ct),
                (Client: this, Route: route, Method: method, Uri: uri, Body: body, ResponseType: responseType),
                cancellationToken);
        }
        catch (MetalApiException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.StatusCode is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) : ex.Kind.ToString());
            throw;
        }
    }

    private async ValueTask<TResponse> AttemptAsync<TResponse>(
        MetalApiRoute route, HttpMethod method, Uri uri, byte[]? body, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptCts.CancelAfter(_options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(method, uri);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = JsonMediaType;
            }

            Authorize(request);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptCts.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode ||
                (route == MetalApiRoutes.Health && response.StatusCode == HttpStatusCode.InternalServerError))
            {
                return await ReadAsync(route, response, responseType, attemptCts.Token);
            }

            var failure = await ReadErrorAsync(route, response, RetryAfter(response), attemptCts.Token);
            MetalApiClientLog.CallFailed(_logger, route.OperationId, status);
            throw failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex)
        {
            throw new MetalApiException(route.OperationId, null, null, MetalApiFailureKind.Timeout,
                $"metal-api {route.Method} {route.PathTemplate} ({route.OperationId}) timed out after {_options.Timeout.TotalSeconds:0.###} s", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new MetalApiException(route.OperationId, null, null, MetalApiFailureKind.Transport,
                $"metal-api {route.Method} {route.PathTemplate} ({route.OperationId}) failed: {ex.HttpRequestError}", ex);
        }
    }

    private void Authorize(HttpRequestMessage request)
    {
        var credentials = _options.Credentials;
        if (credentials.IsHmac)
        {
            var timestamp = MetalHmac.FormatTimestamp(_options.TimeProvider.GetUtcNow());
            var salt = MetalHmac.CreateSalt();
            var mac = MetalHmac.ComputeSignature(credentials.HmacKey, timestamp, request.Method.Method, salt);
            request.Headers.TryAddWithoutValidation(MetalHmac.AuthorizationHeader, credentials.HmacAuthType + " " + mac);
            request.Headers.TryAddWithoutValidation(MetalHmac.DateHeader, timestamp);
            request.Headers.TryAddWithoutValidation(MetalHmac.SaltHeader, salt);
        }
        else
        {
            request.Headers.TryAddWithoutValidation(MetalHmac.AuthorizationHeader, "Bearer " + credentials.BearerToken);
        }
    }

    private static async Task<T> ReadAsync<T>(MetalApiRoute route, HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        try
        {
            // Buffer then parse synchronously: the async streaming path of System.Text.Json is several times slower
            // for the constructor-parameterised response models (metal-api responses are small).
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var value = JsonSerializer.Deserialize(bytes, typeInfo);
            return value ?? throw InvalidResponse(route, "an empty (null) body", null);
        }
        catch (JsonException ex)
        {
            throw InvalidResponse(route, $"invalid JSON at {ex.Path}", ex);
        }
    }

    private static MetalApiException InvalidResponse(MetalApiRoute route, string what, Exception? inner) =>
        new(route.OperationId, null, null, MetalApiFailureKind.InvalidResponse,
            $"metal-api {route.Method} {route.PathTemplate} ({route.OperationId}) answered with {what}", inner);

    private static async Task<MetalApiException> ReadErrorAsync(MetalApiRoute route, HttpResponseMessage response, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        string? message = null;
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (bytes.Length > 0 && bytes.Length < 64 * 1024)
            {
                message = JsonSerializer.Deserialize(bytes, MetalApiJsonContext.Default.HttpErrorResponse)?.Message;
            }
        }
        catch (JsonException)
        {
            // Not metal-api's error shape (e.g. a proxy's HTML page): keep the status only.
        }

        var status = (int)response.StatusCode;
        var text = $"metal-api {route.Method} {route.PathTemplate} ({route.OperationId}) failed with {status} {response.ReasonPhrase}";
        if (!string.IsNullOrEmpty(message))
        {
            text += ": " + message;
        }

        return new MetalApiException(route.OperationId, response.StatusCode, message, MetalApiFailureKind.Http, text) { RetryAfter = retryAfter };
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - _options.TimeProvider.GetUtcNow() : null;
    }

    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var max = _options.RetryMaxDelay;
        if (retryAfter is { } ra && ra > TimeSpan.Zero)
        {
            return ra < max ? ra : max;
        }

        var ceilingMs = Math.Min(max.TotalMilliseconds, _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
#pragma warning disable CA5394 // jitter, not security
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceilingMs);
#pragma warning restore CA5394
    }
}
