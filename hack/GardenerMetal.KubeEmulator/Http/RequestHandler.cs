using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator.Api;
using GardenerMetal.KubeEmulator.Protobuf;
using GardenerMetal.KubeEmulator.Selectors;
using GardenerMetal.KubeEmulator.Storage;
using GardenerMetal.KubeEmulator.Yaml;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GardenerMetal.KubeEmulator.Http;

/// <summary>The HTTP surface: bearer auth, discovery, OpenAPI, and the REST verbs of every resource.</summary>
internal sealed class RequestHandler
{
    private const string Json = "application/json";

    /// <summary>kube-apiserver's MaxRequestBodyBytes (3 MiB): a larger body is answered 413.</summary>
    internal const int MaxRequestBodyBytes = 3 * 1024 * 1024;
    private static readonly byte[] Comma = ","u8.ToArray();
    private readonly ObjectService _service;
    private readonly KubeEmulatorOptions _options;
    private readonly byte[] _expectedAuthorization;
    private readonly ILogger _logger;

    public RequestHandler(ObjectService service, KubeEmulatorOptions options, string token, ILogger logger)
    {
        _service = service;
        _options = options;
        _expectedAuthorization = Encoding.UTF8.GetBytes("Bearer " + token);
        _logger = logger;
    }

    /// <summary>host:port clients reach the server at (for /api serverAddressByClientCIDRs).</summary>
    public string ServerAddress { get; set; } = "127.0.0.1:6443";

    private ResourceRegistry Registry => _service.Registry;

    public async Task HandleAsync(HttpContext ctx)
    {
        try
        {
            var path = ctx.Request.Path.Value ?? "/";
            if (path is "/healthz" or "/livez" or "/readyz")
            {
                ctx.Response.ContentType = "text/plain";
                await ctx.Response.WriteAsync("ok", ctx.RequestAborted);
                return;
            }

            if (!Authorized(ctx.Request))
            {
                throw new ApiException(401, "Unauthorized", "Unauthorized");
            }

            await RouteAsync(ctx, path);
        }
        catch (ApiException ex)
        {
            await WriteErrorAsync(ctx, ex);
        }
        catch (JsonException ex)
        {
            await WriteErrorAsync(ctx, ApiException.BadRequest("the request body is not valid JSON: " + ex.Message));
        }
        catch (FormatException ex)
        {
            await WriteErrorAsync(ctx, ApiException.BadRequest(ex.Message));
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NullReferenceException or KeyNotFoundException or IndexOutOfRangeException or InvalidCastException or NotSupportedException)
        {
            Log.Unexpected(_logger, ex, ctx.Request.Method, ctx.Request.Path.Value ?? string.Empty);
            await WriteErrorAsync(ctx, new ApiException(500, "InternalError", "Internal error occurred: " + ex.Message));
        }
    }

    private bool Authorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var bytes = Encoding.UTF8.GetBytes(header);
        return CryptographicOperations.FixedTimeEquals(bytes, _expectedAuthorization);
    }

    private async Task RouteAsync(HttpContext ctx, string path)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var method = ctx.Request.Method;
        if (segments.Length == 0)
        {
            await WriteJsonAsync(ctx, 200, new JsonObject { ["paths"] = new JsonArray("/api", "/api/v1", "/apis", "/openapi/v3", "/version", "/healthz") });
            return;
        }

        var discovery = method == "GET" ? DiscoveryDocument(segments) : null;
        if (discovery is not null)
        {
            await WriteJsonAsync(ctx, 200, discovery);
            return;
        }

        if (method == "GET" && segments is ["openapi", "v2"])
        {
            // An empty protobuf document: kubectl then falls back to its built-in patch metadata. The content type is
            // kube-openapi's (no '@': Go's mime.ParseMediaType, which helm's client runs, rejects one).
            ctx.Response.StatusCode = 200;
            ctx.Response.ContentType = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";
            return;
        }

        var apiPath = ApiPath.Parse(segments) ?? throw NotFoundPath();
        var type = Registry.Find(apiPath.Group, apiPath.Version, apiPath.Resource) ?? throw NotFoundPath();
        if (apiPath.Namespace is not null && !type.Namespaced)
        {
            throw NotFoundPath();
        }

        if (apiPath.Subresource is not null && !(apiPath.Subresource == "status" && type.HasStatus) && !(apiPath.Subresource == "scale" && type.Scale is not null))
        {
            throw NotFoundPath();
        }

        if (apiPath.Name is not null && type.Namespaced && apiPath.Namespace is null)
        {
            throw NotFoundPath();
        }

        var q = ctx.Request.Query;
        var watch = apiPath.LegacyWatch || IsTrue(q["watch"]);
        if (apiPath.Subresource == "scale" && apiPath.Name is not null && !watch)
        {
            await ScaleAsync(ctx, type, apiPath);
            return;
        }

        switch (method)
        {
            case "GET" when watch:
                await WatchAsync(ctx, type, apiPath);
                break;
            case "GET" when apiPath.Name is null:
                await ListAsync(ctx, type, apiPath.Namespace);
                break;
            case "GET":
            {
                var obj = _service.Get(type, apiPath.Namespace, apiPath.Name);
                if (TableRenderer.Wants(ctx.Request.Headers.Accept))
                {
                    await WriteJsonAsync(ctx, 200, TableRenderer.Render(type, [obj.Object], obj.ResourceVersion.ToString(CultureInfo.InvariantCulture)));
                }
                else
                {
                    await WriteObjectAsync(ctx, 200, type, obj);
                }

                break;
            }

            case "POST" when apiPath.Name is null:
            {
                var opts = WriteOptionsFrom(ctx.Request);
                var body = await ReadObjectAsync(ctx, type, opts);
                var created = await _service.CreateAsync(type, apiPath.Namespace, body, opts, ctx.RequestAborted);
                await WriteObjectAsync(ctx, 201, type, created, opts);
                break;
            }

            case "PUT" when apiPath.Name is not null:
            {
                var opts = WriteOptionsFrom(ctx.Request);
                var body = await ReadObjectAsync(ctx, type, opts);
                var updated = await _service.UpdateAsync(type, apiPath.Namespace, apiPath.Name, apiPath.Subresource, body, opts, ctx.RequestAborted);
                await WriteObjectAsync(ctx, 200, type, updated, opts);
                break;
            }

            case "PATCH" when apiPath.Name is not null:
            {
                var opts = WriteOptionsFrom(ctx.Request);
                var mediaType = MediaType(ctx.Request.ContentType);
                var patchType = mediaType switch
                {
                    "application/merge-patch+json" => "merge",
                    "application/strategic-merge-patch+json" when type.Model is not null => "strategic",
                    "application/json-patch+json" => "json",
                    "application/apply-patch+yaml" => "apply",
                    _ => throw UnsupportedPatch(type),
                };
                var patch = await ReadBodyAsync(ctx, patchType == "apply") ?? throw ApiException.BadRequest("the patch is empty");
                var patched = await _service.PatchAsync(type, apiPath.Namespace, apiPath.Name, apiPath.Subresource, patchType, patch, opts, ctx.RequestAborted);
                await WriteObjectAsync(ctx, 200, type, patched, opts);
                break;
            }

            case "DELETE" when apiPath.Name is not null && apiPath.Subresource is null:
            {
                var request = await DeleteRequestFromAsync(ctx);
                var result = await _service.DeleteAsync(type, apiPath.Namespace, apiPath.Name, request, ctx.RequestAborted);
                if (result.Removed && !type.IsCustom)
                {
                    await WriteJsonAsync(ctx, 200, new JsonObject
                    {
                        ["kind"] = "Status",
                        ["apiVersion"] = "v1",
                        ["metadata"] = new JsonObject(),
                        ["status"] = "Success",
                        ["details"] = new JsonObject { ["name"] = apiPath.Name, ["group"] = type.Group, ["kind"] = type.Plural, ["uid"] = result.Object.Uid },
                    });
                }
                else
                {
                    await WriteObjectAsync(ctx, 200, type, result.Object);
                }

                break;
            }

            case "DELETE" when apiPath.Name is null:
                await DeleteCollectionAsync(ctx, type, apiPath.Namespace);
                break;
            default:
                throw ApiException.MethodNotAllowed($"the server does not allow this method on the requested resource");
        }
    }

    /// <summary>415 as kube-apiserver answers it; custom resources take no strategic merge patch.</summary>
    private static ApiException UnsupportedPatch(ResourceType type) =>
        new(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml"
            + (type.Model is null ? string.Empty : ", application/strategic-merge-patch+json"));

    /// <summary>GET, PUT and PATCH of the autoscaling/v1 Scale of a resource that serves <c>/scale</c>.</summary>
    private async Task ScaleAsync(HttpContext ctx, ResourceType type, ApiPath apiPath)
    {
        var opts = WriteOptionsFrom(ctx.Request);
        StoredObject result;
        switch (ctx.Request.Method)
        {
            case "GET":
                await WriteJsonAsync(ctx, 200, ScaleView.Render(type, _service.Get(type, apiPath.Namespace, apiPath.Name!)));
                return;
            case "PUT":
            {
                var body = await ReadBodyAsync(ctx, MediaType(ctx.Request.ContentType) is "application/yaml" or "application/x-yaml") as JsonObject
                    ?? throw ApiException.BadRequest("the request body must be a JSON object");
                result = await _service.UpdateScaleAsync(type, apiPath.Namespace, apiPath.Name!, _ => body, opts, ctx.RequestAborted);
                break;
            }

            case "PATCH":
            {
                var patchType = MediaType(ctx.Request.ContentType) switch
                {
                    "application/merge-patch+json" or "application/strategic-merge-patch+json" => "merge",
                    "application/json-patch+json" => "json",
                    _ => throw UnsupportedPatch(BuiltinResources.Deployments),
                };
                var patch = await ReadBodyAsync(ctx, yaml: false) ?? throw ApiException.BadRequest("the patch is empty");
                result = await _service.UpdateScaleAsync(
                    type,
                    apiPath.Namespace,
                    apiPath.Name!,
                    scale => patchType == "json"
                        ? (Patching.JsonPatch.Apply(scale, patch as JsonArray ?? throw ApiException.BadRequest("a JSON patch must be a list of operations")) as JsonObject)!
                        : (Patching.MergePatch.Apply(scale, patch as JsonObject ?? throw ApiException.BadRequest("a merge patch must be a JSON object")) as JsonObject)!,
                    opts,
                    ctx.RequestAborted);
                break;
            }

            default:
                throw ApiException.MethodNotAllowed("the server does not allow this method on the requested resource");
        }

        await WriteJsonAsync(ctx, 200, ScaleView.Render(type, result));
    }

    private JsonObject? DiscoveryDocument(string[] segments) => segments switch
    {
        ["version"] => Discovery.Version(_options.KubernetesVersion),
        ["api"] => Discovery.ApiVersions(ServerAddress),
        ["apis"] => Discovery.GroupList(Registry),
        ["api", var v] => Discovery.ResourceList(Registry, string.Empty, v) ?? throw NotFoundPath(),
        ["apis", var g] => Discovery.Group(Registry, g) ?? throw NotFoundPath(),
        ["apis", var g, var v] => Discovery.ResourceList(Registry, g, v) ?? throw NotFoundPath(),
        ["openapi", "v3"] => Discovery.OpenApiIndex(Registry),
        ["openapi", "v3", "api", var v] => Discovery.OpenApiGroupVersion(Registry, string.Empty, v) ?? throw NotFoundPath(),
        ["openapi", "v3", "apis", var g, var v] => Discovery.OpenApiGroupVersion(Registry, g, v) ?? throw NotFoundPath(),
        _ => null,
    };

    private static ApiException NotFoundPath() => new(404, "NotFound", "the server could not find the requested resource");

    private async Task ListAsync(HttpContext ctx, ResourceType type, string? ns)
    {
        var q = ctx.Request.Query;
        var labels = LabelSelector.Parse(q["labelSelector"]);
        var fields = FieldSelector.Parse(q["fieldSelector"], type);
        var limit = ParseInt(q["limit"], "limit") ?? 0;
        var store = Registry.StoreFor(type);
        var all = store.Snapshot(out var rv);
        string? after = null;
        if (q["continue"].ToString() is { Length: > 0 } token)
        {
            (var tokenRv, after) = ContinueToken.Decode(token);
            if (tokenRv < store.CompactedRevision)
            {
                throw ApiException.Gone("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.");
            }

            rv = tokenRv;
        }

        var items = new List<StoredObject>();
        string? next = null;
        var remaining = 0;
        foreach (var obj in all)
        {
            if ((ns is not null && obj.Namespace != ns) || (after is not null && string.CompareOrdinal(obj.Key, after) <= 0))
            {
                continue;
            }

            if (!labels.Matches(obj.Object) || !fields.Matches(obj.Object))
            {
                continue;
            }

            if (limit > 0 && items.Count >= limit)
            {
                remaining++;
                continue;
            }

            items.Add(obj);
        }

        if (remaining > 0)
        {
            next = ContinueToken.Encode(rv, items[^1].Key);
        }

        var rvText = rv.ToString(CultureInfo.InvariantCulture);
        if (TableRenderer.Wants(ctx.Request.Headers.Accept))
        {
            await WriteJsonAsync(ctx, 200, TableRenderer.Render(type, items.Select(i => i.Object), rvText, next));
            return;
        }

        var meta = new JsonObject { ["resourceVersion"] = rvText };
        if (next is not null)
        {
            meta["continue"] = next;
            meta["remainingItemCount"] = remaining;
        }

        var head = $"{{\"kind\":\"{type.ListKind}\",\"apiVersion\":\"{type.ApiVersion}\",\"metadata\":{meta.ToJsonString()},\"items\":[";
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = Json;
        var body = ctx.Response.BodyWriter;
        body.Write(Encoding.UTF8.GetBytes(head));
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                body.Write(Comma);
            }

            body.Write(Render(type, items[i]));
            if (i % 64 == 63)
            {
                await body.FlushAsync(ctx.RequestAborted);
            }
        }

        body.Write("]}"u8);
        await body.FlushAsync(ctx.RequestAborted);
    }

    private async Task WatchAsync(HttpContext ctx, ResourceType type, ApiPath apiPath)
    {
        var q = ctx.Request.Query;
        var labels = LabelSelector.Parse(q["labelSelector"]);
        var fieldText = q["fieldSelector"].ToString();
        if (apiPath.Name is not null)
        {
            fieldText = string.IsNullOrEmpty(fieldText) ? $"metadata.name={apiPath.Name}" : $"{fieldText},metadata.name={apiPath.Name}";
        }

        var fields = FieldSelector.Parse(fieldText, type);
        var rvText = q["resourceVersion"].ToString();
        long? from = rvText is "" or "0" ? null : ObjectService.ParseRv(rvText);
        var timeout = ParseInt(q["timeoutSeconds"], "timeoutSeconds") is { } seconds and > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMinutes(30);
        var bookmarks = IsTrue(q["allowWatchBookmarks"]);
        var store = Registry.StoreFor(type);
        var tableWanted = TableRenderer.Wants(ctx.Request.Headers.Accept);

        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = Json;
        ctx.Response.Headers.CacheControl = "no-cache, private";
        Watcher watcher;
        long lastRv;
        try
        {
            watcher = store.Subscribe(from, out lastRv);
        }
        catch (ApiException ex) when (ex.Code == 410)
        {
            var frame = WatchEvent.BuildFrame("ERROR", JsonSerializer.SerializeToUtf8Bytes(ex.ToStatus(), EmulatorJsonContext.Default.JsonObject));
            await ctx.Response.Body.WriteAsync(frame, ctx.RequestAborted);
            return;
        }

        if (from is not null)
        {
            lastRv = from.Value;
        }

        try
        {
            await ctx.Response.StartAsync(ctx.RequestAborted);
            await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
            using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted);
            timeoutCts.CancelAfter(timeout);
            var ct = timeoutCts.Token;
            var reader = watcher.Reader;
            var output = ctx.Response.BodyWriter;
            Task<bool>? wait = null;
            Task? bookmarkDue = bookmarks ? Task.Delay(_options.BookmarkInterval, ct) : null;
            while (!ct.IsCancellationRequested)
            {
                // Everything queued goes into the response pipe synchronously (the frame is shared, serialized once
                // per event), then one flush: no per-event async write, no lock held while writing.
                var written = false;
                while (reader.TryRead(out var e))
                {
                    var eventType = Classify(e, ns: apiPath.Namespace, labels, fields);
                    lastRv = e.ResourceVersion;
                    if (eventType is null)
                    {
                        continue;
                    }

                    byte[] frame;
                    if (tableWanted)
                    {
                        var table = TableRenderer.Render(type, [e.Object.Object], e.ResourceVersion.ToString(CultureInfo.InvariantCulture));
                        frame = WatchEvent.BuildFrame(eventType, JsonSerializer.SerializeToUtf8Bytes(table, EmulatorJsonContext.Default.JsonObject));
                    }
                    else if (type.Storage && eventType == WatchEvent.TypeName(e.Type))
                    {
                        frame = e.Frame;
                    }
                    else
                    {
                        frame = WatchEvent.BuildFrame(eventType, Render(type, e.Object));
                    }

                    output.Write(frame);
                    written = true;
                }

                if (written)
                {
                    await output.FlushAsync(ct);
                }

                wait ??= reader.WaitToReadAsync(ct).AsTask();
                if (bookmarkDue is not null)
                {
                    // One timer per bookmark interval, not one per event.
                    if (await Task.WhenAny(wait, bookmarkDue) == bookmarkDue)
                    {
                        if (ct.IsCancellationRequested)
                        {
                            break;
                        }

                        await WriteBookmarkAsync(ctx, type, lastRv, ct);
                        bookmarkDue = Task.Delay(_options.BookmarkInterval, ct);
                        continue;
                    }
                }

                bool more;
                try
                {
                    more = await wait;
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                wait = null;
                if (!more)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Timeout or client gone: the watch simply ends.
        }
        finally
        {
            store.Unsubscribe(watcher);
        }
    }

    private static string? Classify(WatchEvent e, string? ns, LabelSelector labels, FieldSelector fields)
    {
        bool Match(StoredObject? o) =>
            o is not null && (ns is null || o.Namespace == ns) && labels.Matches(o.Object) && fields.Matches(o.Object);

        var now = Match(e.Object);
        switch (e.Type)
        {
            case WatchEventType.Modified:
            {
                var before = Match(e.Previous);
                return (before, now) switch
                {
                    (true, true) => "MODIFIED",
                    (false, true) => "ADDED",
                    (true, false) => "DELETED",
                    _ => null,
                };
            }

            default:
                return now ? WatchEvent.TypeName(e.Type) : null;
        }
    }

    private static async Task WriteBookmarkAsync(HttpContext ctx, ResourceType type, long rv, CancellationToken ct)
    {
        var obj = new JsonObject
        {
            ["kind"] = type.Kind,
            ["apiVersion"] = type.ApiVersion,
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture),
                ["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" },
            },
        };
        var frame = WatchEvent.BuildFrame("BOOKMARK", JsonSerializer.SerializeToUtf8Bytes(obj, EmulatorJsonContext.Default.JsonObject));
        await ctx.Response.Body.WriteAsync(frame, ct);
        await ctx.Response.Body.FlushAsync(ct);
    }

    private async Task DeleteCollectionAsync(HttpContext ctx, ResourceType type, string? ns)
    {
        var q = ctx.Request.Query;
        var labels = LabelSelector.Parse(q["labelSelector"]);
        var fields = FieldSelector.Parse(q["fieldSelector"], type);
        var request = await DeleteRequestFromAsync(ctx);
        var store = Registry.StoreFor(type);
        var items = new JsonArray();
        foreach (var obj in store.Snapshot(out _))
        {
            if ((ns is not null && obj.Namespace != ns) || !labels.Matches(obj.Object) || !fields.Matches(obj.Object))
            {
                continue;
            }

            try
            {
                var result = await _service.DeleteAsync(type, obj.Namespace, obj.Name, request, ctx.RequestAborted);
                items.Add(result.Object.CloneObject());
            }
            catch (ApiException ex) when (ex.Code == 404)
            {
                // Deleted concurrently.
            }
        }

        await WriteJsonAsync(ctx, 200, new JsonObject
        {
            ["kind"] = type.ListKind,
            ["apiVersion"] = type.ApiVersion,
            ["metadata"] = new JsonObject(),
            ["items"] = items,
        });
    }

    private static async Task<DeleteRequest> DeleteRequestFromAsync(HttpContext ctx)
    {
        var q = ctx.Request.Query;
        var policy = q["propagationPolicy"].ToString();
        string? uid = null;
        string? rv = null;
        var dryRun = q["dryRun"].ToString();
        if (ctx.Request.ContentLength is > 0 || ctx.Request.Headers.TransferEncoding.Count > 0)
        {
            var options = MediaType(ctx.Request.ContentType) == ProtobufBodyDecoder.MediaType
                ? await ReadProtobufDeleteOptionsAsync(ctx)
                : await ReadBodyAsync(ctx, yaml: false);
            if (options is JsonObject body)
            {
                if (body["propagationPolicy"]?.ToString() is { Length: > 0 } p)
                {
                    policy = p;
                }

                if (body["orphanDependents"]?.GetValueKind() == JsonValueKind.True)
                {
                    policy = "Orphan";
                }

                uid = body["preconditions"]?["uid"]?.ToString();
                rv = body["preconditions"]?["resourceVersion"]?.ToString();
                if (body["dryRun"] is JsonArray dr && dr.Count > 0)
                {
                    dryRun = dr[0]?.ToString() ?? string.Empty;
                }
            }
        }

        if (policy.Length > 0 && policy is not ("Orphan" or "Background" or "Foreground"))
        {
            throw ApiException.BadRequest($"propagationPolicy: Unsupported value: \"{policy}\": supported values: \"Foreground\", \"Background\", \"Orphan\"");
        }

        return new DeleteRequest
        {
            PropagationPolicy = policy.Length == 0 ? "Background" : policy,
            PreconditionUid = string.IsNullOrEmpty(uid) ? null : uid,
            PreconditionResourceVersion = string.IsNullOrEmpty(rv) ? null : rv,
            DryRun = ParseDryRun(dryRun),
        };
    }

    /// <summary>DeleteOptions in protobuf (client-go's typed Delete/DeleteCollection); fields the emulator does not model are dropped.</summary>
    private static async Task<JsonNode> ReadProtobufDeleteOptionsAsync(HttpContext ctx) =>
        ProtobufBodyDecoder.DecodeDeleteOptions(await ReadBytesAsync(ctx), []);

    /// <summary>The request body, at most <see cref="MaxRequestBodyBytes"/> (more: 413, as kube-apiserver).</summary>
    private static async Task<byte[]> ReadBytesAsync(HttpContext ctx)
    {
        if (ctx.Request.ContentLength > MaxRequestBodyBytes)
        {
            throw TooLarge();
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await ctx.Request.Body.ReadAsync(chunk, ctx.RequestAborted)) > 0)
            {
                if (buffer.Length + read > MaxRequestBodyBytes)
                {
                    throw TooLarge();
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static ApiException TooLarge() =>
        new(413, "RequestEntityTooLarge", $"Request entity too large: limit is {MaxRequestBodyBytes.ToString(CultureInfo.InvariantCulture)}");

    private static WriteOptions WriteOptionsFrom(HttpRequest request)
    {
        var fv = request.Query["fieldValidation"].ToString();
        if (fv.Length > 0 && fv is not ("Strict" or "Warn" or "Ignore"))
        {
            throw ApiException.BadRequest($"fieldValidation: Unsupported value: \"{fv}\": supported values: \"Ignore\", \"Strict\", \"Warn\"");
        }

        return new WriteOptions { DryRun = ParseDryRun(request.Query["dryRun"].ToString()), FieldValidation = fv.Length == 0 ? "Warn" : fv };
    }

    private static bool ParseDryRun(string value) => value switch
    {
        "" => false,
        "All" => true,
        _ => throw ApiException.BadRequest($"dryRun: Unsupported value: \"{value}\": supported values: \"All\""),
    };

    private static int? ParseInt(string? value, string name)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw ApiException.BadRequest($"{name}: Invalid value: \"{value}\": must be a non-negative integer");
    }

    /// <summary>Go's strconv.ParseBool truths (python-kubernetes sends "True").</summary>
    private static bool IsTrue(string? value) => value is "1" or "t" or "T" or "true" or "TRUE" or "True";

    private static string MediaType(string? contentType) =>
        (contentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();

    private static async Task<JsonObject> ReadObjectAsync(HttpContext ctx, ResourceType type, WriteOptions options)
    {
        var mediaType = MediaType(ctx.Request.ContentType);
        if (mediaType == ProtobufBodyDecoder.MediaType)
        {
            return await ReadProtobufObjectAsync(ctx, type, options);
        }

        var yaml = mediaType is "application/yaml" or "application/x-yaml" or "text/yaml";
        if (!yaml && mediaType is not ("" or Json))
        {
            var accepted = ProtobufBodyDecoder.Supports(type) ? "application/json, application/yaml, " + ProtobufBodyDecoder.MediaType : "application/json, application/yaml";
            throw new ApiException(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: {accepted}");
        }

        return await ReadBodyAsync(ctx, yaml) as JsonObject ?? throw ApiException.BadRequest("the request body must be a JSON object");
    }

    /// <summary>
    /// A protobuf body (what client-go's typed clients, e.g. <c>kubectl create configmap</c>, send for built-in kinds)
    /// becomes the JSON object the JSON path would have received. Protobuf fields the emulator does not map are dropped:
    /// fieldValidation=Strict rejects them, Warn (the default) answers a Warning header, Ignore drops them silently.
    /// </summary>
    private static async Task<JsonObject> ReadProtobufObjectAsync(HttpContext ctx, ResourceType type, WriteOptions options)
    {
        var unknown = new List<string>();
        var obj = ProtobufBodyDecoder.Decode(type, await ReadBytesAsync(ctx), unknown);
        if (unknown.Count > 0)
        {
            switch (options.FieldValidation)
            {
                case "Strict":
                    throw ApiException.BadRequest("strict decoding error: unknown protobuf " + string.Join(", ", unknown));
                case "Warn":
                    options.Warnings.AddRange(unknown.Select(u => $"unknown protobuf {u} (dropped: the emulator does not model it)"));
                    break;
            }
        }

        return obj;
    }

    private static async Task<JsonNode?> ReadBodyAsync(HttpContext ctx, bool yaml)
    {
        var text = Encoding.UTF8.GetString(await ReadBytesAsync(ctx)).TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (yaml)
        {
            var docs = YamlConverter.ParseDocuments(text);
            return docs.Count == 1 ? docs[0] : throw ApiException.BadRequest("the request body must hold exactly one YAML document");
        }

        return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
    }

    private static byte[] Render(ResourceType type, StoredObject obj)
    {
        if (type.Storage)
        {
            return obj.Json;
        }

        var clone = obj.CloneObject();
        clone["apiVersion"] = type.ApiVersion;
        return JsonSerializer.SerializeToUtf8Bytes(clone, EmulatorJsonContext.Default.JsonObject);
    }

    private static async Task WriteObjectAsync(HttpContext ctx, int code, ResourceType type, StoredObject obj, WriteOptions? options = null)
    {
        if (options is not null)
        {
            foreach (var w in options.Warnings.Distinct())
            {
                ctx.Response.Headers.Append("Warning", "299 - \"" + w.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
            }
        }

        ctx.Response.StatusCode = code;
        ctx.Response.ContentType = Json;
        var bytes = Render(type, obj);
        ctx.Response.ContentLength = bytes.Length;
        await ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted);
    }

    private static async Task WriteJsonAsync(HttpContext ctx, int code, JsonObject obj)
    {
        ctx.Response.StatusCode = code;
        ctx.Response.ContentType = Json;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(obj, EmulatorJsonContext.Default.JsonObject);
        ctx.Response.ContentLength = bytes.Length;
        await ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted);
    }

    private static async Task WriteErrorAsync(HttpContext ctx, ApiException ex)
    {
        if (ctx.Response.HasStarted)
        {
            return;
        }

        ctx.Response.Clear();
        await WriteJsonAsync(ctx, ex.Code, ex.ToStatus());
    }
}
